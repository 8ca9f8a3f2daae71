using Engage.Host.Security;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Security;

/// <summary>LastUsedAt follows a key's use to the minute: at most one write per key per minute, not one per request.</summary>
public sealed class ApiKeyLastUsedTests
{
    [Fact]
    public async Task Authenticate_WritesLastUsedAtAtMostOncePerMinutePerKey()
    {
        using var db = await TestDatabase.CreateAsync();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new ApiKeyStore(db.Database, clock);
        NewKeyPair keys;
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            keys = new NewKeyPair(
                await ApiKeyStore.InsertAsync(connection, null, "a", "Admin", null, null, clock.GetUtcNow(), CancellationToken.None),
                await ApiKeyStore.InsertAsync(connection, null, "b", "Admin", null, null, clock.GetUtcNow(), CancellationToken.None));
        }

        (await store.AuthenticateAsync(keys.A.Secret, CancellationToken.None)).Should().NotBeNull();
        var first = await LastUsedAsync(db, keys.A.Id);
        clock.Advance(TimeSpan.FromSeconds(30));
        await store.AuthenticateAsync(keys.A.Secret, CancellationToken.None);
        await store.AuthenticateAsync(keys.B.Secret, CancellationToken.None);
        var withinTheMinute = await LastUsedAsync(db, keys.A.Id);
        var other = await LastUsedAsync(db, keys.B.Id);
        clock.Advance(TimeSpan.FromSeconds(31));
        await store.AuthenticateAsync(keys.A.Secret, CancellationToken.None);
        var later = await LastUsedAsync(db, keys.A.Id);

        first.Should().Be("2026-06-01T08:00:00.0000000Z");
        withinTheMinute.Should().Be(first, "a second use within the minute writes nothing");
        other.Should().Be("2026-06-01T08:00:30.0000000Z", "each key has its own minute");
        later.Should().Be("2026-06-01T08:01:01.0000000Z");
    }

    [Fact]
    public async Task Authenticate_WhileAWriterHoldsTheDatabase_StillAuthenticates_AndRecordsTheUseLater()
    {
        using var db = await TestDatabase.CreateAsync();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new ApiKeyStore(db.Database, clock);
        ApiKeyStore.NewKey key;
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            key = await ApiKeyStore.InsertAsync(connection, null, "a", "Admin", null, null, clock.GetUtcNow(), CancellationToken.None);
        }

        ApiKeyStore.Principal? principal;
        await using (var writer = await db.Database.OpenAsync(CancellationToken.None))
        await using (var hold = writer.BeginTransaction(deferred: false))
        {
            // A write transaction held past the busy timeout (10 s): the LastUsedAt update cannot get the lock.
            principal = await store.AuthenticateAsync(key.Secret, CancellationToken.None);
            await hold.RollbackAsync();
        }

        var whileHeld = await LastUsedAsync(db, key.Id);
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.AuthenticateAsync(key.Secret, CancellationToken.None);

        principal.Should().NotBeNull("a key check never fails on its bookkeeping");
        whileHeld.Should().BeNull("the update could not be written while the writer held the database");
        (await LastUsedAsync(db, key.Id)).Should().Be("2026-06-01T08:01:00.0000000Z", "the next minute's use is recorded");
    }

    private static async Task<string?> LastUsedAsync(TestDatabase db, long id) =>
        (string?)await db.ScalarAsync("SELECT LastUsedAt FROM ApiKeys WHERE Id = @id", ("@id", id));

    private sealed record NewKeyPair(ApiKeyStore.NewKey A, ApiKeyStore.NewKey B);
}
