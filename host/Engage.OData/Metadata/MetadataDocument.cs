using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace Engage.OData.Metadata;

/// <summary>The CSDL XML of the model as UTF-8 bytes (declared as utf-8), with a strong ETag. Built once.</summary>
internal sealed class MetadataDocument
{
    private MetadataDocument(byte[] content, string etag)
    {
        Content = content;
        ETag = etag;
    }

    public byte[] Content { get; }

    /// <summary>The quoted entity tag, e.g. <c>"abc…"</c>.</summary>
    public string ETag { get; }

    public static MetadataDocument Create(IEdmModel model)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            if (!CsdlWriter.TryWriteCsdl(model, writer, CsdlTarget.OData, out var errors))
            {
                throw new InvalidOperationException("The EDM model cannot be written as CSDL: " + string.Join("; ", errors.Select(e => e.ToString())));
            }
        }

        var content = stream.ToArray();
        var hash = Convert.ToBase64String(SHA256.HashData(content), 0, 18).Replace('+', '-').Replace('/', '_');
        return new MetadataDocument(content, "\"" + hash + "\"");
    }
}
