using Engage.OData.Errors;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Writes;

/// <summary>The problems hooks and readers found in one write: a refusal (403), a conflict (409) or per-target errors (400).</summary>
internal sealed class WriteProblems
{
    private readonly List<ODataErrorDetail> _errors = [];
    private string? _conflict;
    private string? _forbidden;

    public bool Any => _errors.Count > 0 || _conflict is not null || _forbidden is not null;

    public void AddError(string? target, string message) => _errors.Add(new ODataErrorDetail("InvalidValue", message, target));

    public void Conflict(string message) => _conflict ??= message;

    public void Forbid(string message) => _forbidden ??= message;

    /// <summary>Throws the OData error for what was found: 403 for a refusal, 409 for a conflict, else 400 listing every target.</summary>
    public void ThrowIfAny()
    {
        if (_forbidden is not null)
        {
            throw new ODataRequestException(StatusCodes.Status403Forbidden, "Forbidden", _forbidden);
        }

        if (_conflict is not null)
        {
            throw new ODataRequestException(StatusCodes.Status409Conflict, "Conflict", _conflict);
        }

        if (_errors.Count == 0)
        {
            return;
        }

        var first = _errors[0];
        throw new ODataRequestException(
            StatusCodes.Status400BadRequest,
            "InvalidValue",
            _errors.Count == 1 ? first.Message : $"{_errors.Count} values are invalid: {string.Join(" ", _errors.Select(e => e.Message))}")
        {
            Target = _errors.Count == 1 ? first.Target : null,
            Details = [.. _errors],
        };
    }
}
