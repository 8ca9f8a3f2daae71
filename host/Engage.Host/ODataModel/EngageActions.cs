using Microsoft.OData.Edm;

namespace Engage.Host.ODataModel;

/// <summary>
/// The bound actions of the public model (the handlers are registered in <c>ODataWrites/EngageActionHandlers</c>):
/// <c>Engage.Reply(Text)</c> on an Interaction returns the Publication that records the reply; <c>Engage.Revoke()</c> on an
/// ApiKey revokes it and returns it.
/// </summary>
internal static class EngageActions
{
    public const string Reply = EngageModel.Namespace + ".Reply";

    public const string ReplyText = "Text";

    public const string Revoke = EngageModel.Namespace + ".Revoke";

    public static void AddTo(EdmModel model)
    {
        var interaction = (IEdmEntityType)model.FindDeclaredType(EngageModel.Namespace + ".Interaction");
        var publication = (IEdmEntityType)model.FindDeclaredType(EngageModel.Namespace + ".Publication");
        var reply = new EdmAction(EngageModel.Namespace, "Reply", new EdmEntityTypeReference(publication, isNullable: false), isBound: true, entitySetPathExpression: null);
        reply.AddParameter("bindingParameter", new EdmEntityTypeReference(interaction, isNullable: false));
        reply.AddParameter(ReplyText, EdmCoreModel.Instance.GetString(isNullable: false));
        model.AddElement(reply);

        var key = (IEdmEntityType)model.FindDeclaredType(EngageModel.Namespace + ".ApiKey");
        var revoke = new EdmAction(EngageModel.Namespace, "Revoke", new EdmEntityTypeReference(key, isNullable: false), isBound: true, entitySetPathExpression: null);
        revoke.AddParameter("bindingParameter", new EdmEntityTypeReference(key, isNullable: false));
        model.AddElement(revoke);
    }
}
