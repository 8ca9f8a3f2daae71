using System.Globalization;
using FluentValidation;

namespace Engage.Host.Records.Archive;

/// <summary>
/// The period of an archive: whole days in the workspace's time zone, <see cref="From"/> and <see cref="To"/> both
/// included. Posts belong to it by PublishedDate, interactions by CreatedDate (the <c>Edm.Date</c> columns analysts filter on).
/// </summary>
internal sealed record ArchivePeriod(DateOnly From, DateOnly To)
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly Validator Rules = new();

    /// <summary>Reads the period from its two texts, or answers what is wrong with them (one message per problem).</summary>
    public static (ArchivePeriod? Period, IReadOnlyList<string> Problems) Parse(string? from, string? to)
    {
        var result = Rules.Validate((from, to));
        return result.IsValid
            ? (new ArchivePeriod(ParseDate(from)!.Value, ParseDate(to)!.Value), [])
            : (null, result.Errors.Select(e => e.ErrorMessage).ToList());
    }

    public string Describe() => $"{Text(From)} to {Text(To)} (both included)";

    public static string Text(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private sealed class Validator : AbstractValidator<(string? From, string? To)>
    {
        public Validator()
        {
            RuleFor(p => p.From).Must(v => ParseDate(v) is not null).WithMessage(p => string.IsNullOrEmpty(p.From)
                ? "'from' is required: the first day of the period, as YYYY-MM-DD."
                : $"'from' must be a date as YYYY-MM-DD, such as 2026-01-31, not '{p.From}'.");
            RuleFor(p => p.To).Must(v => ParseDate(v) is not null).WithMessage(p => string.IsNullOrEmpty(p.To)
                ? "'to' is required: the last day of the period (included), as YYYY-MM-DD."
                : $"'to' must be a date as YYYY-MM-DD, such as 2026-12-31, not '{p.To}'.");
            RuleFor(p => p).Must(p => ParseDate(p.From) is not { } f || ParseDate(p.To) is not { } t || f <= t)
                .WithMessage(p => $"'from' ({p.From}) is after 'to' ({p.To}): give the first day first. Both days are included.");
        }
    }
}
