using System.Text;

namespace Plugsmm.Client;

/// <summary>
/// What the encoder tracks while it walks the fields: how many were written (for <c>&amp;</c>) and, only once
/// a collection is met, the path of enclosing keys and collections (for nested keys, cycle checks and errors).
/// </summary>
internal struct EncoderState
{
    private List<(PathSegment Segment, object Container)>? _path;

    public int FieldsWritten;

    /// <summary>How many collections enclose the current value.</summary>
    public readonly int Depth => _path?.Count ?? 0;

    public readonly PathSegment Segment(int level) => _path![level].Segment;

    /// <summary>Enters the collection <paramref name="container"/> found at <paramref name="segment"/>.</summary>
    public void Push(PathSegment segment, object container)
    {
        _path ??= [];
        foreach (var (_, enclosing) in _path)
        {
            if (ReferenceEquals(enclosing, container))
            {
                throw EncoderErrors.Field($"Field '{Describe(segment)}' contains itself; the form encoder cannot send a cycle.");
            }
        }

        if (_path.Count >= PhpFormEncoder.MaxDepth)
        {
            throw EncoderErrors.Field(
                $"Field '{Describe(segment)}' nests collections deeper than {PhpFormEncoder.MaxDepth} levels.");
        }

        _path.Add((segment, container));
    }

    public readonly void Pop() => _path!.RemoveAt(_path.Count - 1);

    /// <summary>The readable path of a field, as PHP would parse it: <c>a[b][0]</c>.</summary>
    public readonly string Describe(PathSegment leaf)
    {
        var text = new StringBuilder();
        AppendPath(text);
        return (text.Length == 0 ? text.Append(leaf.ToString()) : text.Append('[').Append(leaf.ToString()).Append(']')).ToString();
    }

    /// <summary>The readable path of a key at the current level.</summary>
    public readonly string Describe(string key) => Describe(new PathSegment(key, 0));

    /// <summary>The readable path of the enclosing collection: <c>a[b]</c>, or empty at the top level.</summary>
    public readonly string DescribePath()
    {
        var text = new StringBuilder();
        AppendPath(text);
        return text.ToString();
    }

    /// <summary>" in field 'a[b]'" for the enclosing collection, or nothing at the top level.</summary>
    public readonly string DescribeContainer() => Depth == 0 ? string.Empty : $" in field '{DescribePath()}'";

    private readonly void AppendPath(StringBuilder text)
    {
        if (_path is null)
        {
            return;
        }

        for (var i = 0; i < _path.Count; i++)
        {
            var part = _path[i].Segment.ToString();
            _ = i == 0 ? text.Append(part) : text.Append('[').Append(part).Append(']');
        }
    }
}
