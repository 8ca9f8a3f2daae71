using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>An invented interaction and the contact it names.</summary>
internal sealed record PlannedInteraction(InteractionItem Item, DemoContact Contact);
