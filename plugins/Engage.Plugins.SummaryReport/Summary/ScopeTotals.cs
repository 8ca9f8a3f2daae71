using Engage.Sdk.Data;

namespace Engage.Plugins.SummaryReport.Summary;

/// <summary>What happened in the period for one account or for the whole workspace.</summary>
internal sealed class ScopeTotals
{
    /// <summary>Interaction kinds in the order the report lists them.</summary>
    public static readonly string[] Kinds = ["Comment", "Reply", "Mention", "Message", "Reaction", "Share", "Follow", "Quote"];

    /// <summary>Inbound kinds that invite an answer: the denominator of the conversation ratio.</summary>
    public static readonly string[] Openers = ["Comment", "Mention", "Message"];

    public long Posts { get; private set; }
    public long Engagements { get; private set; }
    public long? Impressions { get; private set; }
    public long RateEngagements { get; private set; }
    public long RateImpressions { get; private set; }
    public Dictionary<string, long> InboundByKind { get; } = Kinds.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
    public long Inbound { get; private set; }

    /// <summary>Answers the account sent: outbound replies and outbound direct messages.</summary>
    public long OutboundReplies { get; private set; }

    public long OpenersCount => Openers.Sum(k => InboundByKind[k]);

    /// <summary>Engagements / impressions over posts with both known; null when the impressions add up to zero.</summary>
    public double? EngagementRate => RateImpressions > 0 ? (double)RateEngagements / RateImpressions : null;

    /// <summary>Answers sent per inbound comment, mention or message: "dinner party, not soapbox".</summary>
    public double? ConversationRatio => OpenersCount > 0 ? (double)OutboundReplies / OpenersCount : null;

    public void Add(PostView post)
    {
        Posts++;
        Engagements += post.Engagements ?? 0;
        if (post.Impressions is { } impressions)
        {
            Impressions = (Impressions ?? 0) + impressions;
            if (post.Engagements is { } engagements)
            {
                RateEngagements += engagements;
                RateImpressions += impressions;
            }
        }
    }

    public void Add(InteractionView interaction)
    {
        if (interaction.Direction == "Inbound")
        {
            Inbound++;
            if (InboundByKind.ContainsKey(interaction.Kind))
            {
                InboundByKind[interaction.Kind]++;
            }
        }
        else if (interaction.Direction == "Outbound" && interaction.Kind is "Reply" or "Message")
        {
            OutboundReplies++;
        }
    }
}
