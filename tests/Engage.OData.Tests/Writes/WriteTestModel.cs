using Engage.OData.Tests.Support;
using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Writes;

/// <summary>The test model plus two actions bound to Order: <c>Ship(Carrier)</c> returning the Order, and <c>Forget()</c> returning nothing.</summary>
internal static class WriteTestModel
{
    public static IEdmModel Create()
    {
        var model = (EdmModel)TestModel.Create();
        var order = (IEdmEntityType)model.FindDeclaredType(TestModel.Namespace + ".Order");
        var orderReference = new EdmEntityTypeReference(order, isNullable: false);

        var ship = new EdmAction(TestModel.Namespace, "Ship", orderReference, isBound: true, entitySetPathExpression: null);
        ship.AddParameter("bindingParameter", orderReference);
        ship.AddParameter("Carrier", EdmCoreModel.Instance.GetString(isNullable: false));
        model.AddElement(ship);

        var forget = new EdmAction(TestModel.Namespace, "Forget", returnType: null, isBound: true, entitySetPathExpression: null);
        forget.AddParameter("bindingParameter", orderReference);
        model.AddElement(forget);
        return model;
    }
}
