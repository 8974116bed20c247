using System.Net;
using System.Security.Cryptography;

namespace Plugsmm.Client;

/// <summary>
/// A form body already encoded by <see cref="PhpFormEncoder"/>. It holds the API key, so its bytes are
/// wiped on dispose and nothing of it appears in <see cref="object.ToString"/>.
/// </summary>
internal sealed class PhpFormContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _length;
    private readonly bool _ownsBody;

    /// <param name="body">An array whose first <paramref name="length"/> bytes are the encoded body.</param>
    /// <param name="length">The body's length.</param>
    /// <param name="ownsBody">Whether disposing this content wipes <paramref name="body"/> (false when several attempts share it).</param>
    public PhpFormContent(byte[] body, int length, bool ownsBody)
    {
        _body = body;
        _length = length;
        _ownsBody = ownsBody;

        // Stored as text and parsed only if someone reads ContentType: the same header, without a parsed value per request.
        Headers.TryAddWithoutValidation("Content-Type", PhpFormEncoder.MediaType);
    }

    private ReadOnlyMemory<byte> Body => _body.AsMemory(0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Body, cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(Body.Span);

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(_body, 0, _length, writable: false, publiclyVisible: true));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsBody)
        {
            CryptographicOperations.ZeroMemory(_body.AsSpan(0, _length));
        }

        base.Dispose(disposing);
    }
}
