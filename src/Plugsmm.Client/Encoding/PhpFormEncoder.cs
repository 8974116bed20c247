using System.Buffers;
using System.Text;

namespace Plugsmm.Client;

/// <summary>
/// Encodes form fields byte for byte as PHP 8's <c>http_build_query($fields)</c> does with its defaults,
/// which is how a PHP panel expects an SMM API v2 request body.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Only <c>A-Z a-z 0-9 - _ .</c> stay bare; a space becomes <c>+</c>; every other UTF-8 byte becomes
/// <c>%XX</c> in upper case. Keys are encoded like values.</description></item>
/// <item><description><see langword="null"/> is skipped; <see langword="true"/>/<see langword="false"/> become
/// <c>1</c>/<c>0</c>; integers and <see cref="decimal"/> are written in invariant culture (a decimal keeps its
/// scale: <c>1.50m</c> is <c>1.50</c>); <see cref="double"/> is written as PHP prints a float with
/// <c>precision=14</c> (<c>0.1</c>, <c>100</c>, <c>-0</c>, <c>1.0E%2B25</c>, <c>1.0E-5</c>, <c>INF</c>, <c>NAN</c>);
/// a <see cref="float"/> is first read as the double of its shortest text (<c>0.1f</c> is sent as <c>0.1</c>).</description></item>
/// <item><description>Sequences become <c>key%5B0%5D=…</c> (a skipped null keeps its index), dictionaries
/// <c>key%5Bsub%5D=…</c>, nested up to <see cref="MaxDepth"/> levels; an empty collection writes nothing.</description></item>
/// <item><description>A string or key with a lone UTF-16 surrogate, a value of another type, a null key, a key
/// given twice at the same level, and a collection that contains itself are refused with an
/// <see cref="ArgumentException"/> that names the field. The culture of the machine never changes a byte.</description></item>
/// </list>
/// </remarks>
public static partial class PhpFormEncoder
{
    /// <summary>The media type of an encoded body: <c>application/x-www-form-urlencoded</c>.</summary>
    public const string MediaType = "application/x-www-form-urlencoded";

    /// <summary>How deeply sequences and dictionaries may nest inside a field before the encoder refuses them.</summary>
    public const int MaxDepth = 64;

    /// <summary>Encodes <paramref name="fields"/> into a string (ASCII: every byte above 0x7F is escaped).</summary>
    /// <param name="fields">The fields in the order they are written.</param>
    /// <returns>The body, for example <c>key=…&amp;action=add&amp;service=1</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    /// <exception cref="ArgumentException">A field cannot be encoded; the message names it.</exception>
    public static string Encode(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var body = Write(fields);
        var text = Encoding.ASCII.GetString(body.Written);
        body.Wipe();
        return text;
    }

    /// <summary>Writes the UTF-8 body of <paramref name="fields"/> into <paramref name="destination"/>.</summary>
    /// <param name="fields">The fields in the order they are written.</param>
    /// <param name="destination">Receives the body. If an <see cref="ArgumentException"/> is thrown, nothing has been written.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">A field cannot be encoded; the message names it.</exception>
    public static long Encode(IEnumerable<KeyValuePair<string, object?>> fields, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(destination);
        var body = Write(fields);
        destination.Write(body.Written);
        body.Wipe();
        return body.Length;
    }

    /// <summary>
    /// Encodes <paramref name="fields"/> into an <see cref="HttpContent"/> of type <see cref="MediaType"/>, as every
    /// request of this SDK is sent. The body is encoded at once, so bad input fails here, before any request.
    /// </summary>
    /// <param name="fields">The fields in the order they are written.</param>
    /// <returns>A content with a known length, whose buffer is wiped when it is disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    /// <exception cref="ArgumentException">A field cannot be encoded; the message names it.</exception>
    public static HttpContent CreateContent(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var body = Write(fields);
        return new PhpFormContent(body.Buffer, body.Length, ownsBody: true);
    }

    /// <summary>
    /// Encodes into a new array whose first <paramref name="length"/> bytes are the body; the caller wipes them when done.
    /// The array is the caller's alone: it is never pooled, so nothing that reads it late sees another body.
    /// </summary>
    internal static byte[] EncodeToArray(IEnumerable<KeyValuePair<string, object?>> fields, out int length)
    {
        var body = Write(fields);
        length = body.Length;
        return body.Buffer;
    }

    /// <summary>Writes the body into a new array; if a field is refused, wipes it (part of the body, the key say, was written).</summary>
    private static FormWriter Write(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var body = new FormWriter();
        try
        {
            new FieldWalk(body).WriteMap(fields);
            return body;
        }
        catch
        {
            body.Wipe();
            throw;
        }
    }
}
