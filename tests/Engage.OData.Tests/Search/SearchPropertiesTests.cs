using System.Net;
using Engage.OData.Binding;
using Engage.OData.Hosting;
using Engage.OData.Metadata;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Search;

public sealed class SearchPropertiesTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private ODataTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ODataTestServer.StartAsync(_database, Definition(
        new EntitySetMapping("Orders", "Orders") { Columns = new Dictionary<string, string> { ["Product"] = "product_name" }, SearchProperties = ["Note"] },
        new EntitySetMapping("Customers", "Customers") { SearchProperties = [] }));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Get_WithSearchProperties_LooksOnlyInThem()
    {
        var expected = _database.Orders.Where(o => o.Note?.Contains("note 2", StringComparison.OrdinalIgnoreCase) == true).Select(o => o.Id).ToList();

        var widget = await _server.Client.GetODataAsync("odata/Orders?$search=widget");
        var note = await _server.Client.GetAllPagesAsync("odata/Orders?$search=\"NOTE 2\"&$select=Id");

        widget.Rows.Should().BeEmpty();
        note.SelectMany(p => p.Rows).Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
    }

    [Fact]
    public async Task Get_WithSearchOnSetWithoutSearchProperties_AnswersBadRequest()
    {
        var response = await _server.Client.GetODataAsync("odata/Customers?$search=customer");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorMessage.Should().Contain("searchable");
    }

    [Theory]
    [InlineData("Nope")]
    [InlineData("Amount")]
    public void Create_WithInvalidSearchProperty_FailsAtStartup(string property)
    {
        var definition = Definition(
            new EntitySetMapping("Orders", "Orders") { SearchProperties = [property] },
            new EntitySetMapping("Customers", "Customers"));

        var act = () => ServiceBindingFactory.Create(definition);

        act.Should().Throw<InvalidOperationException>().WithMessage($"*{property}*");
    }

    [Fact]
    public void EngineCapabilities_IsSearchable_AgreesWithTheBindingForListedEmptyAndDefaultSearchProperties()
    {
        var definitions = new[]
        {
            Definition(new EntitySetMapping("Orders", "Orders") { SearchProperties = ["Note"] }, new EntitySetMapping("Customers", "Customers") { SearchProperties = [] }),
            Definition(new EntitySetMapping("Orders", "Orders"), new EntitySetMapping("Customers", "Customers")),
        };
        var answers = new List<bool>();

        foreach (var definition in definitions)
        {
            var service = ServiceBindingFactory.Create(definition);
            foreach (var mapping in definition.EntitySets)
            {
                var entitySet = definition.Model.EntityContainer.FindEntitySet(mapping.EntitySet);
                var searchable = EngineCapabilities.IsSearchable(entitySet, mapping);
                searchable.Should().Be(service.Find(entitySet)!.SearchProperties.Count > 0, mapping.EntitySet);
                answers.Add(searchable);
            }
        }

        answers.Should().Contain(false).And.Contain(true);
    }

    private ODataServiceDefinition Definition(params EntitySetMapping[] sets)
    {
        var defaults = ODataTestServer.DefaultDefinition(_database);
        return new ODataServiceDefinition
        {
            Model = defaults.Model,
            EntitySets = sets,
            OpenConnection = defaults.OpenConnection,
            PageSize = defaults.PageSize,
        };
    }
}
