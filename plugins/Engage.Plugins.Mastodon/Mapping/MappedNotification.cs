using Engage.Sdk.Items;

namespace Engage.Plugins.Mastodon.Mapping;

/// <summary>What one notification brought: an interaction and its contact, or a refreshed post, or nothing.</summary>
internal sealed record MappedNotification(InteractionItem? Interaction, ContactItem? Contact, PostItem? Post)
{
    public static MappedNotification Ignored { get; } = new(null, null, null);
}
