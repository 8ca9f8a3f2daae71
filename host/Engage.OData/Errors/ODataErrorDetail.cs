namespace Engage.OData.Errors;

/// <summary>One entry of an OData error's <c>details</c>: what is wrong with one target (a property or parameter name).</summary>
internal sealed record ODataErrorDetail(string Code, string Message, string? Target);
