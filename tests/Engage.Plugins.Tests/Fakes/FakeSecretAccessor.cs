using Engage.Sdk.Connectors;

namespace Engage.Plugins.Tests.Fakes;

/// <summary>Secrets kept in a dictionary.</summary>
internal sealed class FakeSecretAccessor : ISecretAccessor
{
    public Dictionary<string, string?> Values { get; } = [];

    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Values.GetValueOrDefault(name));

    public ValueTask SetAsync(string name, string? value, CancellationToken cancellationToken)
    {
        Values[name] = value;
        return ValueTask.CompletedTask;
    }
}
