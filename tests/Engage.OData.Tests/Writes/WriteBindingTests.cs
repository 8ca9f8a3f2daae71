using Engage.OData.Actions;
using Engage.OData.Binding;
using Engage.OData.Hosting;
using Engage.OData.Tests.Support;
using Engage.OData.Writes;
using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Writes;

/// <summary>Configuration errors in write policies and actions stop the service at startup with a message naming them.</summary>
public sealed class WriteBindingTests : IDisposable
{
    private readonly TestDatabase _database = new(orderCount: 1);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Create_PolicyWithUnknownProperty_Throws()
    {
        var definition = WithOrders(new WritePolicy { Updatable = ["Colour"] });

        var create = () => ServiceBindingFactory.Create(definition);

        create.Should().Throw<InvalidOperationException>().WithMessage("*unknown updatable property 'Colour'*");
    }

    [Fact]
    public void Create_UpdatableKey_Throws()
    {
        var create = () => ServiceBindingFactory.Create(WithOrders(new WritePolicy { Updatable = ["Id"] }));

        create.Should().Throw<InvalidOperationException>().WithMessage("*key 'Id' cannot be updatable*");
    }

    [Fact]
    public void Create_InsertableSetLeavingARequiredPropertyWithoutValue_Throws()
    {
        var create = () => ServiceBindingFactory.Create(WithOrders(new WritePolicy { Insertable = ["CustomerId", "Product"] }));

        create.Should().Throw<InvalidOperationException>().WithMessage("*nothing gives a value to Amount, Quantity, Paid, OrderDate*");
    }

    [Fact]
    public void Create_RegisteredActionMissingFromTheModel_Throws()
    {
        var definition = WriteTestService.Definition(_database);
        var extra = new BoundActionDefinition("Test.Shop.Cancel", "Orders", [], (_, _) => ValueTask.FromResult<EntityReference?>(null));

        var create = () => ServiceBindingFactory.Create(Copy(definition, [.. definition.Actions, extra]));

        create.Should().Throw<InvalidOperationException>().WithMessage("*Test.Shop.Cancel*exactly one action*");
    }

    [Fact]
    public void Create_ModelActionWithoutHandler_Throws()
    {
        var definition = WriteTestService.Definition(_database);

        var create = () => ServiceBindingFactory.Create(Copy(definition, [definition.Actions[0]]));

        create.Should().Throw<InvalidOperationException>().WithMessage("*without a handler: Test.Shop.Forget*");
    }

    [Fact]
    public void Create_ParameterTypeDiffersFromTheModel_Throws()
    {
        var definition = WriteTestService.Definition(_database);
        var wrong = definition.Actions[0] with { Parameters = [new ActionParameter("Carrier", EdmPrimitiveTypeKind.Int32)] };

        var create = () => ServiceBindingFactory.Create(Copy(definition, [wrong, definition.Actions[1]]));

        create.Should().Throw<InvalidOperationException>().WithMessage("*parameter 1*");
    }

    private ODataServiceDefinition WithOrders(WritePolicy policy)
    {
        var definition = WriteTestService.Definition(_database);
        return new ODataServiceDefinition
        {
            Model = definition.Model,
            EntitySets = [definition.EntitySets[0] with { Writes = policy }, definition.EntitySets[1]],
            OpenConnection = definition.OpenConnection,
            Actions = definition.Actions,
        };
    }

    private static ODataServiceDefinition Copy(ODataServiceDefinition definition, IReadOnlyList<BoundActionDefinition> actions) => new()
    {
        Model = definition.Model,
        EntitySets = definition.EntitySets,
        OpenConnection = definition.OpenConnection,
        Actions = actions,
    };
}
