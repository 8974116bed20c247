namespace Plugsmm.Client;

/// <summary>One step of a field's key path: a dictionary key, or a sequence index when <see cref="Key"/> is null.</summary>
internal readonly record struct PathSegment(string? Key, long Index)
{
    public override string ToString() => Key ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
