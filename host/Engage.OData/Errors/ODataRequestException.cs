using Microsoft.AspNetCore.Http;

namespace Engage.OData.Errors;

/// <summary>A request the engine refuses, with the HTTP status and OData error code to answer.</summary>
internal sealed class ODataRequestException(int statusCode, string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    /// <summary>The property or parameter the error is about (<c>error.target</c>), if one.</summary>
    public string? Target { get; init; }

    /// <summary>Further errors (<c>error.details</c>), for example one per invalid property.</summary>
    public IReadOnlyList<ODataErrorDetail> Details { get; init; } = [];

    /// <summary>Headers to send with the error, for example <c>Allow</c> on a 405.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ODataRequestException BadRequest(string message, Exception? inner = null) =>
        new(StatusCodes.Status400BadRequest, "BadRequest", message, inner);

    public static ODataRequestException NotFound(string message, Exception? inner = null) =>
        new(StatusCodes.Status404NotFound, "NotFound", message, inner);

    public static ODataRequestException NotImplemented(string message) =>
        new(StatusCodes.Status501NotImplemented, "NotImplemented", message);

    public static ODataRequestException NotAcceptable(string message) =>
        new(StatusCodes.Status406NotAcceptable, "NotAcceptable", message);

    /// <summary>405 with the <c>Allow</c> header listing the methods the resource accepts.</summary>
    public static ODataRequestException MethodNotAllowed(string message, IEnumerable<string> allowed) =>
        new(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", message)
        {
            Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) },
        };
}
