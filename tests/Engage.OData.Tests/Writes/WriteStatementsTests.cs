using Engage.OData.Binding;
using Engage.OData.Sql;
using Engage.OData.Tests.Support;
using Engage.OData.Writes;

namespace Engage.OData.Tests.Writes;

/// <summary>The write statements: every value a parameter, the key and the row scope in every statement over an existing row.</summary>
public sealed class WriteStatementsTests : IDisposable
{
    private static readonly SqlCondition Scope = new("\"workspace_id\" = @ws", new Dictionary<string, object?> { ["@ws"] = 2L });
    private readonly TestDatabase _database = new(orderCount: 1);
    private readonly EntitySetBinding _orders;

    public WriteStatementsTests() =>
        _orders = ServiceBindingFactory.Create(WriteTestService.Definition(_database)).EntitySets.Single(s => s.Name == "Orders");

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Update_WithScopeAndVersion_BindsEveryValueAndBumpsTheVersionOnlyOnAChange()
    {
        var statement = WriteStatements.Update(_orders, SqliteDialect.Instance, 7L, Scope,
            [("\"Note\"", "x'; DELETE FROM Orders; --"), ("\"Quantity\"", 3L)], expectedVersion: 4);

        statement.Text.Should().Be(
            "UPDATE \"Orders\" SET \"Note\" = @_p0, \"Quantity\" = @_p1, \"RowVersion\" = CASE WHEN (\"Note\" IS NOT @_p0) OR (\"Quantity\" IS NOT @_p1) " +
            "THEN \"RowVersion\" + 1 ELSE \"RowVersion\" END WHERE \"Id\" = @_p2 AND (\"workspace_id\" = @ws) AND \"RowVersion\" = @_p3");
        statement.Parameters.Select(p => p.Value).Should().Equal("x'; DELETE FROM Orders; --", 3L, 7L, 2L, 4L);
    }

    [Fact]
    public void DeleteAndSelect_WithScope_CarryTheKeyAndTheScope()
    {
        var delete = WriteStatements.Delete(_orders, 7L, Scope);
        var select = WriteStatements.SelectOne(_orders, 7L, Scope);

        delete.Text.Should().Be("DELETE FROM \"Orders\" WHERE \"Id\" = @_p0 AND (\"workspace_id\" = @ws)");
        select.Text.Should().EndWith("\"RowVersion\" FROM \"Orders\" WHERE \"Id\" = @_p0 AND (\"workspace_id\" = @ws)");
        select.Text.Should().Contain("\"product_name\"");
        delete.Parameters.Select(p => p.Value).Should().Equal(7L, 2L);
    }

    [Fact]
    public void Insert_BindsEveryValue()
    {
        var statement = WriteStatements.Insert(_orders, [("\"Note\"", "O'Brien"), ("\"workspace_id\"", 3L)]);

        statement.Text.Should().Be("INSERT INTO \"Orders\" (\"Note\", \"workspace_id\") VALUES (@_p0, @_p1) RETURNING \"Id\"");
        statement.Parameters.Select(p => p.Value).Should().Equal("O'Brien", 3L);
    }
}
