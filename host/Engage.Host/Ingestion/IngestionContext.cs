using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Ingestion;

/// <summary>
/// The state shared by the writers of one batch: the open transaction, the connection it came from, and
/// the ids resolved so far (external id to row id), so each reference is looked up once per batch.
/// </summary>
internal sealed class IngestionContext(SqliteConnection connection, SqliteTransaction transaction, ConnectionScope scope)
{
    private readonly Dictionary<(string Table, string ExternalId), long> _ids = [];

    public SqliteConnection Connection { get; } = connection;
    public SqliteTransaction Transaction { get; } = transaction;
    public ConnectionScope Scope { get; } = scope;
    public int New { get; set; }
    public DateOnly? EarliestDate { get; private set; }

    /// <summary>Networks of the accounts in this batch or already stored, by account external id.</summary>
    public Dictionary<string, string> AccountNetworks { get; } = [];

    public SqliteCommand Command(string sql) => Connection.Command(sql, Transaction);

    public void Touch(DateOnly date)
    {
        if (EarliestDate is null || date < EarliestDate)
        {
            EarliestDate = date;
        }
    }

    public void Remember(string table, string externalId, long id) => _ids[(table, externalId)] = id;

    /// <summary>The row id of an item of this connection, or null when it was never stored.</summary>
    public async Task<long?> FindAsync(string table, string? externalId, CancellationToken cancellationToken)
    {
        if (externalId is null)
        {
            return null;
        }

        if (_ids.TryGetValue((table, externalId), out var known))
        {
            return known;
        }

        // Table names come from the writers only, never from input.
        await using var command = Command($"SELECT Id FROM {table} WHERE ConnectionId = @c AND ExternalId = @e")
            .With("@c", Scope.ConnectionId).With("@e", externalId);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        if (result is long id)
        {
            _ids[(table, externalId)] = id;
            return id;
        }

        return null;
    }
}
