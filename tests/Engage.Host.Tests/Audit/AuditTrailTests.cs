using Engage.Host.Audit;
using Engage.Host.Store;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Audit;

/// <summary>The hash chain: appends link up, and every kind of tampering is found at the first row it breaks.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Append_ThreeChanges_LinkFromGenesisAndVerify()
    {
        using var db = await TestDatabase.CreateAsync();

        await AuditChain.AppendAsync(db.Database, 3);

        var rows = await db.DumpAsync("AuditEvents", "Id, PreviousHash, Hash");
        rows.Should().HaveCount(3);
        rows[0].Split('|')[1].Should().Be(AuditHash.Genesis);
        rows[1].Split('|')[1].Should().Be(rows[0].Split('|')[2]);
        rows[2].Split('|')[1].Should().Be(rows[1].Split('|')[2]);
        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);
        result.Should().Be(new AuditVerification(3, null, null));
    }

    [Fact]
    public async Task Verify_EmptyTrail_IsIntact()
    {
        using var db = await TestDatabase.CreateAsync();

        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);

        result.Intact.Should().BeTrue();
        result.RowsChecked.Should().Be(0);
    }

    [Theory]
    [InlineData("Details = 'nothing happened'")]
    [InlineData("Details = NULL")]
    [InlineData("Actor = 'somebody else'")]
    [InlineData("At = '2020-01-01T00:00:00.0000000Z'")]
    [InlineData("Action = 'Test.Other'")]
    [InlineData("EntityId = '99'")]
    public async Task Verify_EditedField_BrokenAtThatRow(string edit)
    {
        using var db = await TestDatabase.CreateAsync();
        await AuditChain.AppendAsync(db.Database, 4);
        await AuditChain.ExecuteAsync(db.Database, $"UPDATE AuditEvents SET {edit} WHERE Id = 2");

        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);

        result.BrokenRowId.Should().Be(2);
        result.RowsChecked.Should().Be(1);
        result.Problem.Should().Contain("was edited");
    }

    [Fact]
    public async Task Verify_EditedRowWithRecomputedHash_BrokenAtTheNextRow()
    {
        using var db = await TestDatabase.CreateAsync();
        await AuditChain.AppendAsync(db.Database, 4);
        var row = (await db.DumpAsync("AuditEvents", "At, Actor, Action, EntitySet, EntityId, PreviousHash"))[1].Split('|');
        var forged = AuditHash.Compute(row[5], row[0], row[1], row[2], row[3], row[4], "forged");
        await AuditChain.ExecuteAsync(db.Database, $"UPDATE AuditEvents SET Details = 'forged', Hash = '{forged}' WHERE Id = 2");

        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);

        result.BrokenRowId.Should().Be(3);
        result.Problem.Should().Contain("PreviousHash does not match the hash of row 2");
    }

    [Fact]
    public async Task Verify_DeletedMiddleRow_BrokenAtTheRowAfterTheGap()
    {
        using var db = await TestDatabase.CreateAsync();
        await AuditChain.AppendAsync(db.Database, 5);
        await AuditChain.ExecuteAsync(db.Database, "DELETE FROM AuditEvents WHERE Id = 3");

        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);

        result.BrokenRowId.Should().Be(4);
        result.RowsChecked.Should().Be(2);
        result.Problem.Should().Contain("hash of row 2 (Ids 3 to 3 are missing)");
    }

    [Fact]
    public async Task Verify_DeletedFirstRow_BrokenAtTheNewFirstRow()
    {
        using var db = await TestDatabase.CreateAsync();
        await AuditChain.AppendAsync(db.Database, 3);
        await AuditChain.ExecuteAsync(db.Database, "DELETE FROM AuditEvents WHERE Id = 1");

        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);

        result.BrokenRowId.Should().Be(2);
        result.Problem.Should().Contain("the start of the chain");
    }

    [Fact]
    public async Task Verify_ReorderedRows_BrokenAtTheFirstMovedRow()
    {
        using var db = await TestDatabase.CreateAsync();
        await AuditChain.AppendAsync(db.Database, 4);
        await AuditChain.ExecuteAsync(db.Database, "UPDATE AuditEvents SET Id = 100 WHERE Id = 2; UPDATE AuditEvents SET Id = 2 WHERE Id = 3; UPDATE AuditEvents SET Id = 3 WHERE Id = 100;");

        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);

        result.BrokenRowId.Should().Be(2);
        result.Problem.Should().Contain("deleted, inserted or reordered");
    }

    [Fact]
    public async Task Append_TransactionRolledBack_LeavesNoRowAndTheChainGoesOn()
    {
        using var db = await TestDatabase.CreateAsync();
        await AuditChain.AppendAsync(db.Database, 1);
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        await using (var transaction = connection.BeginTransaction())
        {
            await new AuditTrail(TimeProvider.System).AppendAsync(connection, transaction, new AuditEntry("editor", "Test.Change", "Things", "7", "rolled back"), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        (await db.CountAsync("AuditEvents")).Should().Be(1);
        await AuditChain.AppendAsync(db.Database, 1);
        var result = await new AuditVerifier(db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None);
        result.Should().Be(new AuditVerification(2, null, null));
    }

    [Fact]
    public void Hash_FieldBoundaries_AreUnambiguous()
    {
        var a = AuditHash.Compute(AuditHash.Genesis, "t", "ab", "c", null, null, null);
        var b = AuditHash.Compute(AuditHash.Genesis, "t", "a", "bc", null, null, null);
        var c = AuditHash.Compute(AuditHash.Genesis, "t", "ab", "c", string.Empty, null, null);

        a.Should().NotBe(b).And.NotBe(c);
        a.Should().MatchRegex("^[0-9A-F]{64}$");
    }
}
