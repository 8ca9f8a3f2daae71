using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>Interactions: the inbox triage fields only (Status, Team, AssignedTo, Sentiment); a sync never overwrites them.</summary>
internal sealed class InteractionWrites : WriteRules
{
    public InteractionWrites()
    {
        OneOf("Status", EngageValues.InteractionStatuses);
        OneOf("Sentiment", EngageValues.Sentiments, nullable: true);
        OptionalText("Team", 100);
        OptionalText("AssignedTo", 200);
    }

    public WritePolicy Policy(WritePolicy shape) => shape with { Validate = ApplyAsync };
}
