using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Engage.Host.Security.KeyRing;

/// <summary>
/// The key ring's storage: Data Protection's own file repository in the data folder's <c>keys/</c>, with the folder kept
/// 0700 and each key file made 0600 as soon as it is written (<see cref="KeyRingFolder"/>).
/// </summary>
internal sealed class KeyRingRepository(string folder, ILoggerFactory loggers) : IXmlRepository
{
    private readonly FileSystemXmlRepository _files = new(new DirectoryInfo(folder), loggers);
    private readonly ILogger _logger = loggers.CreateLogger("Engage.Security.KeyRing");

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _files.StoreElement(element, friendlyName);
        foreach (var change in KeyRingFolder.Protect(folder))
        {
            _logger.LogDebug("Key ring permissions set: {Change}", change);
        }
    }
}
