namespace Engage.Sdk.Items;

/// <summary>Whether an interaction came to the account or was made by it.</summary>
public enum InteractionDirection
{
    /// <summary>From someone else to the account.</summary>
    Inbound,
    /// <summary>From the account (a reply or message it sent).</summary>
    Outbound,
}
