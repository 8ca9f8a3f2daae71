using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Host.Tests.Sync;

/// <summary>
/// An in-test connector that serves numbered batches from a cursor ("0", "1", ...). It can be told to fail
/// once before a given batch, so tests can interrupt a run between batches.
/// </summary>
internal sealed class ScriptedConnector(IReadOnlyList<SyncBatch> batches) : IConnector
{
    public ConnectorInfo Info { get; } = new("scripted", "Scripted", "test", ConnectorCapabilities.Pull);

    /// <summary>Fail (once) when asked for this batch index.</summary>
    public int? FailBeforeBatch { get; set; }

    public PluginFailureKind FailureKind { get; set; } = PluginFailureKind.Transient;

    /// <summary>The <see cref="PluginException.RetryAfter"/> of that failure.</summary>
    public TimeSpan? FailureRetryAfter { get; set; }

    /// <summary>When set, every connect fails with this exception.</summary>
    public Exception? ConnectFailure { get; set; }

    public List<string?> CursorsSeen { get; } = [];

    public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) => [];

    public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken) =>
        ConnectFailure is { } e ? Task.FromException<IConnectorSession>(e) : Task.FromResult<IConnectorSession>(new Session(this));

    /// <summary>Batch <paramref name="index"/> of <paramref name="count"/>, each with posts and interactions of its own.</summary>
    public static IReadOnlyList<SyncBatch> Numbered(int count) => Enumerable.Range(0, count).Select(i => new SyncBatch
    {
        Accounts = [new AccountItem("acc", "@acc")],
        Posts = [new PostItem($"p{i}", "acc", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i)) { Likes = i }],
        Interactions =
        [
            new InteractionItem($"i{i}a", "acc", InteractionKind.Comment, InteractionDirection.Inbound, new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero).AddDays(i))
                { PostExternalId = $"p{i}", ContactExternalId = $"u{i % 3}", Text = $"comment {i}" },
            new InteractionItem($"i{i}b", "acc", InteractionKind.Reaction, InteractionDirection.Inbound, new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero).AddDays(i))
                { PostExternalId = $"p{i}", ContactExternalId = $"u{(i + 1) % 3}" },
        ],
        NextCursor = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        HasMore = i < count - 1,
    }).ToList();

    private sealed class Session(ScriptedConnector owner) : IPullSession
    {
        public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
        {
            owner.CursorsSeen.Add(cursor);
            var index = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            if (owner.FailBeforeBatch == index)
            {
                owner.FailBeforeBatch = null;
                throw new PluginException($"the network dropped the connection before batch {index}", owner.FailureKind, owner.FailureRetryAfter);
            }

            return Task.FromResult(index < owner.Count ? owner.Batch(index) : new SyncBatch());
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private int Count => batches.Count;

    private SyncBatch Batch(int index) => batches[index];
}
