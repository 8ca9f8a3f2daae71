using Engage.Sdk.Connectors;

namespace Engage.Host.Tests.Plugins;

/// <summary>A connection without secrets.</summary>
internal sealed class EmptySecretAccessor : ISecretAccessor
{
    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public ValueTask SetAsync(string name, string? value, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
