using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Plugsmm.Client;

/// <summary>
/// A form body already encoded by <see cref="PhpFormEncoder"/>. It holds the API key, so its bytes are
/// wiped on dispose and nothing of it appears in <see cref="object.ToString"/>.
/// </summary>
internal sealed class PhpFormContent : HttpContent
{
    private readonly byte[] _body;
    private readonly bool _ownsBody;

    /// <param name="body">The encoded body.</param>
    /// <param name="ownsBody">Whether disposing this content wipes <paramref name="body"/> (false when several attempts share it).</param>
    public PhpFormContent(byte[] body, bool ownsBody = true)
    {
        _body = body;
        _ownsBody = ownsBody;
        Headers.ContentType = new MediaTypeHeaderValue(PhpFormEncoder.MediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body, cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(_body);

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(_body, 0, _body.Length, writable: false, publiclyVisible: true));

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsBody)
        {
            CryptographicOperations.ZeroMemory(_body);
        }

        base.Dispose(disposing);
    }
}
