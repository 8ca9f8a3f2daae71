using System.Text.RegularExpressions;
using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>
/// A FluentValidation validator over one OData write. Each rule is about one property, runs only when the
/// request sets that property, and reports under the property's name, so the OData error names it.
/// </summary>
internal abstract partial class WriteRules : AbstractValidator<WriteContext>
{
    /// <summary>Runs the rules and reports each failure on the write (400 naming the property).</summary>
    public async ValueTask ApplyAsync(WriteContext write, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(write, cancellationToken);
        foreach (var failure in result.Errors)
        {
            write.AddError(failure.PropertyName, failure.ErrorMessage);
        }
    }

    protected IRuleBuilderInitial<WriteContext, string?> Text(string property) => Rule(property, c => c.Get(property) as string);

    protected IRuleBuilderInitial<WriteContext, long?> Integer(string property) => Rule(property, c => c.Get(property) as long?);

    protected IRuleBuilderInitial<WriteContext, DateTimeOffset?> Timestamp(string property) => Rule(property, c => c.Get(property) as DateTimeOffset?);

    /// <summary>A required text: not blank, at most <paramref name="maxLength"/> characters.</summary>
    protected void RequiredText(string property, int maxLength) =>
        Text(property).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"'{property}' must not be empty.")
            .MaximumLength(maxLength).WithMessage($"'{property}' is at most {maxLength} characters.");

    protected void OptionalText(string property, int maxLength) =>
        Text(property).MaximumLength(maxLength).WithMessage($"'{property}' is at most {maxLength} characters.");

    protected void OneOf(string property, string[] values, bool nullable = false) =>
        Text(property).Must(v => (nullable && v is null) || values.Contains(v)).WithMessage($"'{property}' must be one of {EngageValues.List(values)}{(nullable ? " or null" : "")}.");

    /// <summary>A network id (<c>mastodon</c>, a plugin's own id…): lower case letters, digits, '.', '-', '_'.</summary>
    protected void NetworkId(string property) =>
        Text(property).Must(v => v is null || NetworkPattern().IsMatch(v)).WithMessage($"'{property}' must be a lower-case network id such as 'mastodon'.");

    /// <summary>
    /// A reference to a row of <paramref name="table"/> in the same workspace as the written row. Not checked when the key
    /// does not reach that workspace (the write is refused on WorkspaceId alone), so the answer tells nothing about its rows.
    /// </summary>
    protected void SameWorkspace(string property, string table, string what) =>
        Integer(property).MustAsync(async (write, id, cancellationToken) =>
                id is null || write.Get("WorkspaceId") is not long workspace
                || Security.Principals.Of(write.HttpContext)?.Workspaces.Contains(workspace) != true
                || await StoreLookups.InWorkspaceAsync(write, table, id.Value, workspace, cancellationToken))
            .WithMessage(write => $"There is no {what} {write.Get(property)} in this workspace.");

    private IRuleBuilderInitial<WriteContext, T> Rule<T>(string property, System.Linq.Expressions.Expression<Func<WriteContext, T>> value)
    {
        IRuleBuilderInitial<WriteContext, T>? rule = null;
        When(c => c.Has(property), () => rule = RuleFor(value).Configure(r =>
        {
            r.PropertyName = property;
            r.SetDisplayName(property);
        }));
        return rule!;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    internal static partial Regex NetworkPattern();
}
