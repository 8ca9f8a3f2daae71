using FluentValidation;

namespace Engage.Host.Api;

/// <summary>The body of <c>POST /api/reports</c>.</summary>
internal sealed record RenderReportRequest(
    long WorkspaceId, string Template, string? Theme, DateOnly PeriodStart, DateOnly PeriodEnd, Dictionary<string, string?>? Parameters);

/// <summary>Checks a report request before anything runs.</summary>
internal sealed class RenderReportRequestValidator : AbstractValidator<RenderReportRequest>
{
    public RenderReportRequestValidator()
    {
        RuleFor(r => r.WorkspaceId).GreaterThan(0).WithMessage("'workspaceId' must name a workspace.");
        RuleFor(r => r.Template).NotEmpty().WithMessage("'template' is required (for example \"workspace-summary\").").MaximumLength(100);
        RuleFor(r => r.Theme).MaximumLength(64);
        RuleFor(r => r.PeriodEnd).GreaterThanOrEqualTo(r => r.PeriodStart).WithMessage("'periodEnd' must not be before 'periodStart'.");
        RuleFor(r => r).Must(r => r.PeriodEnd.DayNumber - r.PeriodStart.DayNumber <= 3660)
            .WithMessage("A report covers at most ten years.");
        RuleFor(r => r.Parameters).Must(p => p is null || p.Count <= 50).WithMessage("At most 50 parameters.");
    }
}
