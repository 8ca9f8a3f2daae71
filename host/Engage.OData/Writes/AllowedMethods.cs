using Engage.OData.Errors;

namespace Engage.OData.Writes;

/// <summary>The methods each kind of resource accepts, for <c>Allow</c> and 405 answers.</summary>
internal static class AllowedMethods
{
    public static IReadOnlyList<string> For(WriteTarget target)
    {
        var writes = target.Set?.Writes;
        return target.Kind switch
        {
            WriteTargetKind.Collection => writes?.CanInsert == true ? ["GET", "POST"] : ["GET"],
            WriteTargetKind.Entity => ["GET", .. writes?.CanUpdate == true ? ["PATCH"] : Array.Empty<string>(), .. writes?.CanDelete == true ? ["DELETE"] : Array.Empty<string>()],
            WriteTargetKind.Action => ["POST"],
            _ => ["GET"],
        };
    }

    public static ODataRequestException Refuse(string method, WriteTarget target)
    {
        var allowed = For(target);
        var what = target.Set is null ? "This resource" : target.Kind switch
        {
            WriteTargetKind.Collection => $"The entity set '{target.Set.Name}'",
            WriteTargetKind.Entity => $"An entity of '{target.Set.Name}'",
            WriteTargetKind.Action => $"The action '{target.Action!.Definition.Name}'",
            _ => "This resource",
        };
        var message = method == "PUT" && target.Kind == WriteTargetKind.Entity && target.Set?.Writes?.CanUpdate == true
            ? $"{what} cannot be replaced with PUT: send PATCH with the properties to change."
            : $"{what} does not accept {method}; it accepts {string.Join(", ", allowed)}.";
        return ODataRequestException.MethodNotAllowed(message, allowed);
    }
}
