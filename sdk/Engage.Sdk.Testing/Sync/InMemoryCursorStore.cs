namespace Engage.Sdk.Testing.Sync;

/// <summary>
/// Where the host keeps a connection's cursor: the last cursor committed with a batch. A batch without a cursor
/// keeps the current one, as the host does.
/// </summary>
/// <param name="initial">The cursor to start from; null for a first sync.</param>
public sealed class InMemoryCursorStore(string? initial = null)
{
    private readonly List<string?> _history = [initial];

    /// <summary>The last committed cursor.</summary>
    public string? Current { get; private set; } = initial;

    /// <summary>Every cursor committed so far, starting with the initial one.</summary>
    public IReadOnlyList<string?> History => _history;

    /// <summary>Commits the cursor that came with a batch.</summary>
    /// <param name="next">The batch's next cursor; null keeps the current one.</param>
    public void Commit(string? next)
    {
        if (next is null)
        {
            return;
        }

        Current = next;
        _history.Add(next);
    }
}
