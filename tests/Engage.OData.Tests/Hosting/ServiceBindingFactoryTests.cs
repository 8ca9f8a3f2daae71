using System.Data.Common;
using Engage.OData.Binding;
using Engage.OData.Hosting;
using Engage.OData.Tests.Support;
using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Hosting;

public sealed class ServiceBindingFactoryTests
{
    [Fact]
    public void Create_ValidDefinition_BindsColumnsAndKeys()
    {
        var service = ServiceBindingFactory.Create(Definition(DefaultMappings()));

        var orders = service.EntitySets.Single(s => s.Name == "Orders");
        orders.Key.Name.Should().Be("Id");
        orders.Properties.Single(p => p.Name == "Product").QuotedColumn.Should().Be("\"product_name\"");
        service.Metadata.ETag.Should().StartWith("\"").And.EndWith("\"");
    }

    [Fact]
    public void Create_EntitySetWithoutMapping_ThrowsAtStartup()
    {
        var act = () => ServiceBindingFactory.Create(Definition([new EntitySetMapping("Orders", "Orders")]));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Customers*no table mapping*");
    }

    [Fact]
    public void Create_MappingOfUnknownProperty_ThrowsAtStartup()
    {
        EntitySetMapping[] mappings =
        [
            new EntitySetMapping("Orders", "Orders") { Columns = new Dictionary<string, string> { ["Nope"] = "x" } },
            new EntitySetMapping("Customers", "Customers"),
        ];

        var act = () => ServiceBindingFactory.Create(Definition(mappings));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Nope*");
    }

    [Fact]
    public void Create_UnsupportedPropertyType_ThrowsAtStartup()
    {
        var model = new EdmModel();
        var type = new EdmEntityType("T", "Thing");
        type.AddKeys(type.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, false));
        type.AddStructuralProperty("Span", EdmPrimitiveTypeKind.Duration, true);
        model.AddElement(type);
        var container = new EdmEntityContainer("T", "C");
        container.AddEntitySet("Things", type);
        model.AddElement(container);

        var act = () => ServiceBindingFactory.Create(Definition([new EntitySetMapping("Things", "things")], model));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Span*Edm.Duration*");
    }

    [Fact]
    public void Create_PrefixWithSlash_ThrowsAtStartup()
    {
        var definition = Definition(DefaultMappings());

        var act = () => ServiceBindingFactory.Create(new ODataServiceDefinition
        {
            Model = definition.Model,
            EntitySets = definition.EntitySets,
            OpenConnection = definition.OpenConnection,
            RoutePrefix = "/odata/",
        });

        act.Should().Throw<InvalidOperationException>().WithMessage("*RoutePrefix*");
    }

    private static EntitySetMapping[] DefaultMappings() =>
    [
        new EntitySetMapping("Orders", "Orders") { Columns = new Dictionary<string, string> { ["Product"] = "product_name" } },
        new EntitySetMapping("Customers", "Customers"),
    ];

    private static ODataServiceDefinition Definition(IReadOnlyList<EntitySetMapping> mappings, IEdmModel? model = null) => new()
    {
        Model = model ?? TestModel.Create(),
        EntitySets = mappings,
        OpenConnection = _ => ValueTask.FromException<DbConnection>(new InvalidOperationException()),
    };
}
