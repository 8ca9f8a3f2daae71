using Engage.Sdk.Failures;

namespace Engage.Host.Plugins.Invocation;

/// <summary>
/// A failed call into a plugin, classified by the invoker. <see cref="IsFault"/> is true when the plugin
/// itself misbehaved (an unclassified exception, a timeout, ignored cancellation) rather than reporting a
/// failure it understood.
/// </summary>
internal sealed class PluginCallException(
    string pluginId, string operation, PluginFailureKind kind, string message, bool isFault, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"{pluginId} {operation}: {message}", inner)
{
    public string PluginId { get; } = pluginId;
    public string Operation { get; } = operation;
    public PluginFailureKind Kind { get; } = kind;
    public bool IsFault { get; } = isFault;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public string Reason { get; } = message;
    public bool IsRetryable => Kind is PluginFailureKind.Transient or PluginFailureKind.RateLimited;
}
