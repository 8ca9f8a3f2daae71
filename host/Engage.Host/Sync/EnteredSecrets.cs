using Engage.Sdk.Connectors;

namespace Engage.Host.Sync;

/// <summary>The secrets of a connection being saved, for its network check: read by name; what the check stores is dropped.</summary>
internal sealed class EnteredSecrets(IReadOnlyDictionary<string, string> secrets) : ISecretAccessor
{
    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(secrets.TryGetValue(name, out var value) ? value : null);

    public ValueTask SetAsync(string name, string? value, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
