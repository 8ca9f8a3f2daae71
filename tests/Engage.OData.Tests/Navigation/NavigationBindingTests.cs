using System.Data.Common;
using Engage.OData.Binding;
using Engage.OData.Hosting;
using Engage.OData.Tests.Support;
using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Navigation;

public sealed class NavigationBindingTests
{
    [Fact]
    public void Create_TestModel_BindsBothDirectionsFromOneConstraint()
    {
        var service = ServiceBindingFactory.Create(Definition(TestModel.Create()));

        var orders = service.EntitySets.Single(s => s.Name == "Orders");
        var customers = service.EntitySets.Single(s => s.Name == "Customers");
        var customer = orders.Navigations.Single();
        customer.Name.Should().Be("Customer");
        customer.IsCollection.Should().BeFalse();
        customer.SourceColumn.Name.Should().Be("CustomerId");
        customer.TargetColumn.Should().BeSameAs(customers.Key);
        var ordersOfCustomer = customers.Navigations.Single();
        ordersOfCustomer.IsCollection.Should().BeTrue();
        ordersOfCustomer.SourceColumn.Should().BeSameAs(customers.Key);
        ordersOfCustomer.TargetColumn.Name.Should().Be("CustomerId");
        ordersOfCustomer.Target.Should().BeSameAs(orders);
    }

    [Fact]
    public void Create_NavigationWithoutReferentialConstraint_ThrowsAtStartup()
    {
        var act = () => ServiceBindingFactory.Create(Definition(Model(withConstraint: false, withTarget: true)));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Orders/Customer*referential constraint*");
    }

    [Fact]
    public void Create_NavigationWithoutTargetEntitySet_ThrowsAtStartup()
    {
        var act = () => ServiceBindingFactory.Create(Definition(Model(withConstraint: true, withTarget: false)));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Orders/Customer*navigation property binding*");
    }

    private static IEdmModel Model(bool withConstraint, bool withTarget)
    {
        var model = new EdmModel();
        var customer = new EdmEntityType("T", "Customer");
        var customerId = customer.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false);
        customer.AddKeys(customerId);
        model.AddElement(customer);
        var order = new EdmEntityType("T", "Order");
        order.AddKeys(order.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false));
        var foreignKey = order.AddStructuralProperty("CustomerId", EdmPrimitiveTypeKind.Int64, isNullable: false);
        var info = new EdmNavigationPropertyInfo { Name = "Customer", Target = customer, TargetMultiplicity = EdmMultiplicity.One };
        if (withConstraint)
        {
            info.DependentProperties = [foreignKey];
            info.PrincipalProperties = [customerId];
        }

        var navigation = order.AddUnidirectionalNavigation(info);
        model.AddElement(order);
        var container = new EdmEntityContainer("T", "Container");
        var customers = container.AddEntitySet("Customers", customer);
        var orders = container.AddEntitySet("Orders", order);
        if (withTarget)
        {
            orders.AddNavigationTarget(navigation, customers);
        }

        model.AddElement(container);
        return model;
    }

    private static ODataServiceDefinition Definition(IEdmModel model) => new()
    {
        Model = model,
        EntitySets = [new EntitySetMapping("Orders", "Orders"), new EntitySetMapping("Customers", "Customers")],
        OpenConnection = _ => ValueTask.FromException<DbConnection>(new InvalidOperationException()),
    };
}
