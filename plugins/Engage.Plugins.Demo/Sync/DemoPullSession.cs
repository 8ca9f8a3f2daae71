using Engage.Plugins.Demo.Generation;
using Engage.Plugins.Demo.Settings;
using Engage.Sdk.Connectors;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Sync;

/// <summary>
/// Pulls the invented history one day at a time until it has caught up with the clock; later pulls send
/// only what happened since. Nothing later than the clock's now is ever sent.
/// </summary>
internal sealed class DemoPullSession(DemoSettings settings, TimeProvider time) : IPullSession
{
    /// <summary>The longest window one batch covers.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    private readonly BatchBuilder _builder = new(settings);

    public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow().ToUniversalTime();
        var state = cursor is null ? DemoCursor.Start(now, settings.HistoryDays) : DemoCursor.Read(cursor);
        if (state.LastEmitted >= now)
        {
            return Task.FromResult(new SyncBatch { NextCursor = state.Write(), HasMore = false });
        }

        var end = DemoTime.Min(state.LastEmitted + MaxWindow, now);
        var batch = _builder.Build(state.Anchor, state.LastEmitted, end, cancellationToken);
        return Task.FromResult(batch with
        {
            NextCursor = (state with { LastEmitted = end }).Write(),
            HasMore = end < now,
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
