using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Support;

/// <summary>The EDM model of the test service: Orders and Customers, with Order/Customer and its partner Customer/Orders.</summary>
internal static class TestModel
{
    public const string Namespace = "Test.Shop";

    public static IEdmModel Create()
    {
        var model = new EdmModel();
        var customer = new EdmEntityType(Namespace, "Customer");
        var customerId = customer.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false);
        customer.AddKeys(customerId);
        customer.AddStructuralProperty("Name", EdmPrimitiveTypeKind.String, isNullable: false);
        customer.AddStructuralProperty("Email", EdmPrimitiveTypeKind.String, isNullable: true);
        customer.AddStructuralProperty("Active", EdmPrimitiveTypeKind.Boolean, isNullable: false);
        customer.AddStructuralProperty("Joined", EdmPrimitiveTypeKind.Date, isNullable: false);
        model.AddElement(customer);

        var order = new EdmEntityType(Namespace, "Order");
        var orderId = order.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, isNullable: false);
        order.AddKeys(orderId);
        var orderCustomerId = order.AddStructuralProperty("CustomerId", EdmPrimitiveTypeKind.Int64, isNullable: false);
        order.AddStructuralProperty("Product", EdmPrimitiveTypeKind.String, isNullable: false);
        order.AddStructuralProperty("Note", EdmPrimitiveTypeKind.String, isNullable: true);
        order.AddStructuralProperty("Amount", EdmPrimitiveTypeKind.Double, isNullable: false);
        order.AddStructuralProperty("Quantity", EdmPrimitiveTypeKind.Int32, isNullable: false);
        order.AddStructuralProperty("Price", EdmPrimitiveTypeKind.Decimal, isNullable: true);
        order.AddStructuralProperty("Paid", EdmPrimitiveTypeKind.Boolean, isNullable: false);
        order.AddStructuralProperty("OrderDate", EdmPrimitiveTypeKind.Date, isNullable: false);
        order.AddStructuralProperty("ShippedAt", EdmPrimitiveTypeKind.DateTimeOffset, isNullable: true);
        order.AddBidirectionalNavigation(
            new EdmNavigationPropertyInfo
            {
                Name = "Customer",
                Target = customer,
                TargetMultiplicity = EdmMultiplicity.One,
                DependentProperties = [orderCustomerId],
                PrincipalProperties = [customerId],
            },
            new EdmNavigationPropertyInfo { Name = "Orders", Target = order, TargetMultiplicity = EdmMultiplicity.Many });
        model.AddElement(order);

        var container = new EdmEntityContainer(Namespace, "Container");
        var customers = container.AddEntitySet("Customers", customer);
        var orders = container.AddEntitySet("Orders", order);
        orders.AddNavigationTarget(order.FindProperty("Customer") as IEdmNavigationProperty, customers);
        customers.AddNavigationTarget(customer.FindProperty("Orders") as IEdmNavigationProperty, orders);
        model.AddElement(container);
        return model;
    }
}
