namespace Engage.Host.Privacy.Tombstones;

/// <summary>What a tombstone stands for (the <c>Tombstones.Kind</c> column, part of the hashed text).</summary>
internal static class TombstoneKind
{
    /// <summary>An erased contact: its external id was replaced by a pseudonym, its identifying fields cleared.</summary>
    public const string Contact = "Contact";

    /// <summary>A conversation with an erased contact: its external id was replaced by a pseudonym.</summary>
    public const string Conversation = "Conversation";

    /// <summary>An interaction by an erased contact: its external id was replaced by a pseudonym, its text and URL cleared.</summary>
    public const string Interaction = "Interaction";

    /// <summary>An interaction in an erased contact's conversation (a reply to them): text and URL cleared, external id kept.</summary>
    public const string InteractionText = "InteractionText";
}
