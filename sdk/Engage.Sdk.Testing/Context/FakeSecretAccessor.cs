using Engage.Sdk.Connectors;

namespace Engage.Sdk.Testing.Context;

/// <summary>The connection's secrets kept in memory, as the host's accessor hands them over: by name, on request.</summary>
public sealed class FakeSecretAccessor : ISecretAccessor
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates an accessor holding <paramref name="secrets"/>.</summary>
    /// <param name="secrets">Name and value pairs.</param>
    public FakeSecretAccessor(IEnumerable<KeyValuePair<string, string?>>? secrets = null)
    {
        foreach (var (name, value) in secrets ?? [])
        {
            _values[name] = value;
        }
    }

    /// <summary>The names the connector asked for, in order (a connector should only ask for declared secrets).</summary>
    public IReadOnlyList<string> Requested => Locked(() => _requested.ToList());

    /// <summary>The secrets the connector stored itself (refreshed tokens), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Stored => Locked(() => _stored.ToList());

    private readonly List<string> _requested = [];
    private readonly List<KeyValuePair<string, string?>> _stored = [];

    /// <summary>The current value of a secret, as a test sees it.</summary>
    /// <param name="name">The secret's name.</param>
    public string? this[string name]
    {
        get => Locked(() => _values.GetValueOrDefault(name));
        set => Locked(() => _values[name] = value);
    }

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Locked(() =>
        {
            _requested.Add(name);
            return _values.GetValueOrDefault(name);
        }));
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string name, string? value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Locked(() =>
        {
            _stored.Add(new(name, value));
            _values[name] = value;
            return true;
        });
        return ValueTask.CompletedTask;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
