namespace Engage.Host.Plugins.Invocation;

/// <summary>Limits for calls into plugins (appsettings.json: <c>Engage:Plugins</c>).</summary>
internal sealed record PluginInvokerOptions
{
    /// <summary>The longest one call may take before it is cancelled and counted as a fault.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a plugin gets to stop after cancellation before the host stops waiting.</summary>
    public TimeSpan CancellationGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Faults in a row after which a plugin is quarantined.</summary>
    public int QuarantineAfterFaults { get; init; } = 5;
}
