using Engage.Sdk.Items;
using FluentValidation;

namespace Engage.Host.Ingestion;

/// <summary>Checks what a connector hands over before anything is stored: a bad item fails the whole batch.</summary>
internal sealed class SyncBatchValidator : AbstractValidator<SyncBatch>
{
    public const int MaxExternalId = 512;
    public const int MaxText = 100_000;
    public const int MaxCursor = 8 * 1024;
    public const int MaxItems = 50_000;

    public SyncBatchValidator()
    {
        RuleFor(b => b.Count).LessThanOrEqualTo(MaxItems).WithMessage($"A batch may carry at most {MaxItems} items; return HasMore and page instead.");
        RuleFor(b => b.NextCursor).MaximumLength(MaxCursor).WithMessage($"The cursor may be at most {MaxCursor} characters.");
        RuleForEach(b => b.Accounts).ChildRules(a =>
        {
            a.RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(MaxExternalId);
            a.RuleFor(x => x.Handle).NotEmpty().MaximumLength(MaxExternalId);
            a.RuleFor(x => x.Network).Matches("^[a-z0-9][a-z0-9._-]{0,39}$").When(x => x.Network is not null)
                .WithMessage("An account's network must be a lower-case id such as 'mastodon'.");
        });
        RuleForEach(b => b.Contacts).ChildRules(c =>
        {
            c.RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(MaxExternalId);
            c.RuleFor(x => x.Handle).NotEmpty().MaximumLength(MaxExternalId);
        });
        RuleForEach(b => b.Posts).ChildRules(p =>
        {
            p.RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(MaxExternalId);
            p.RuleFor(x => x.AccountExternalId).NotEmpty();
            p.RuleFor(x => x.Text).MaximumLength(MaxText);
            p.RuleFor(x => x.Kind).IsInEnum();
        });
        RuleForEach(b => b.Interactions).ChildRules(i =>
        {
            i.RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(MaxExternalId);
            i.RuleFor(x => x.AccountExternalId).NotEmpty();
            i.RuleFor(x => x.Text).MaximumLength(MaxText);
            i.RuleFor(x => x.Kind).IsInEnum();
            i.RuleFor(x => x.Direction).IsInEnum();
        });
        RuleForEach(b => b.AccountDailyStats).ChildRules(s => s.RuleFor(x => x.AccountExternalId).NotEmpty());
    }
}
