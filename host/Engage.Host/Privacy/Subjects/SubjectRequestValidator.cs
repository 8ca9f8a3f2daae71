using FluentValidation;

namespace Engage.Host.Privacy.Subjects;

/// <summary>Checks export and erasure requests; every message says what to send instead.</summary>
internal sealed class SubjectRequestValidator : AbstractValidator<SubjectRequest>
{
    public const int MaxReason = 500;

    /// <param name="erasure">True for erasure (needs a reason, takes no format), false for export.</param>
    public SubjectRequestValidator(bool erasure)
    {
        RuleFor(r => r.Contacts).NotEmpty()
            .WithMessage("Name the contacts: their Ids from /odata/Contacts, comma-separated, for example contacts=5,9.");
        RuleFor(r => r.Contacts).Must(c => ContactIdList.Parse(c) is not null).When(r => !string.IsNullOrWhiteSpace(r.Contacts))
            .WithMessage(r => $"'{Shorten(r.Contacts)}' is not a list of contact Ids: give positive whole numbers separated by commas, for example 5,9.");
        RuleFor(r => r.ContactIds.Count).LessThanOrEqualTo(ContactIdList.Max)
            .WithMessage($"At most {ContactIdList.Max} contacts per request; split the request.");
        if (erasure)
        {
            RuleFor(r => r.Reason).NotEmpty()
                .WithMessage("Give a reason (a case or ticket number, for example \"GDPR request 2026-117\"); it is kept in the audit trail.");
            RuleFor(r => r.Reason).MaximumLength(MaxReason).WithMessage($"The reason may be at most {MaxReason} characters.");
            RuleFor(r => r.Reason).Must(r => r is null || !r.Any(char.IsControl)).WithMessage("The reason must be one line without control characters.");
            RuleFor(r => r.Format).Null().WithMessage("Erasure takes no format.");
        }
        else
        {
            RuleFor(r => r.Format).Must(f => f is null || f.Equals("json", StringComparison.OrdinalIgnoreCase) || f.Equals("csv", StringComparison.OrdinalIgnoreCase))
                .WithMessage(r => $"Unknown format '{Shorten(r.Format)}': use json (one document) or csv (a zip with one CSV file per table).");
            RuleFor(r => r.Reason).Null().WithMessage("An export takes no reason.");
        }
    }

    private static string Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? string.Empty;
}
