using FluentValidation;

namespace Engage.Host.Plugins.Loading;

/// <summary>Checks a manifest before any of the plugin's code is loaded. Messages name the field and the fix.</summary>
internal sealed class PluginManifestValidator : AbstractValidator<PluginManifest>
{
    private static readonly string[] KnownCapabilities = ["pull", "push", "import", "publish", "reply"];

    public PluginManifestValidator()
    {
        RuleFor(m => m.Id).NotEmpty().WithMessage("'id' is required (for example \"acme.crm\").")
            .Matches("^[a-z0-9][a-z0-9._-]{1,63}$").WithMessage("'id' must be 2 to 64 lower-case letters, digits, dots, dashes or underscores.");
        RuleFor(m => m.Version).NotEmpty().WithMessage("'version' is required (for example \"1.0.0\").")
            .Must(BeAVersion).WithMessage("'version' must be a version number such as \"1.2.0\" (a suffix like \"-beta.1\" is allowed).");
        RuleFor(m => m.DisplayName).NotEmpty().WithMessage("'displayName' is required.").MaximumLength(100);
        RuleFor(m => m.Description).MaximumLength(2000);
        RuleFor(m => m.EntryAssembly).NotEmpty().WithMessage("'entryAssembly' is required (the plugin's main .dll, relative to its folder).")
            .Must(e => e is null || e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).WithMessage("'entryAssembly' must name a .dll file.")
            .Must(e => e is null || BeARelativePathInside(e)).WithMessage("'entryAssembly' must be a path inside the plugin's folder (no absolute path, no '..').");
        RuleFor(m => m.SdkRange).Must(r => SdkRange.TryParse(r, out _, out _))
            .WithMessage(m => SdkRange.TryParse(m.SdkRange, out _, out var error) ? "" : error);
        RuleFor(m => m.Provides).NotNull().WithMessage("'provides' is required: list the connectors, metricCalculators and reportTemplates the plugin registers.")
            .Must(p => p is null || (p.Connectors?.Count ?? 0) + (p.MetricCalculators?.Count ?? 0) + (p.ReportTemplates?.Count ?? 0) > 0)
            .WithMessage("'provides' lists nothing: a plugin must provide at least one connector, metric calculator or report template.");
        RuleForEach(m => m.Provides!.Connectors).ChildRules(c =>
        {
            c.RuleFor(x => x.Id).NotEmpty().WithMessage("Every connector in 'provides.connectors' needs an 'id'.");
            c.RuleForEach(x => x.Capabilities).Must(cap => cap is not null && KnownCapabilities.Contains(cap))
                .WithMessage((_, cap) => $"Unknown connector capability '{cap}'; use {string.Join(", ", KnownCapabilities)}.");
        }).When(m => m.Provides?.Connectors is not null);
    }

    private static bool BeAVersion(string? version)
    {
        var core = version?.Split('-', '+')[0];
        return Version.TryParse(core, out _);
    }

    private static bool BeARelativePathInside(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) || path.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path.Split('/', '\\');
        return !segments.Any(s => s is ".." or "");
    }
}
