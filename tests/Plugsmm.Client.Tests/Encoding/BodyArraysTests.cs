namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>A client's spare body arrays: kept and handed back, bounded in number and size.</summary>
public sealed class BodyArraysTests
{
    [Fact]
    public void Arrays_given_back_are_taken_again_and_no_more_are_kept_than_there_are_slots()
    {
        var arrays = new BodyArrays();
        Assert.Null(arrays.Take());

        var given = Enumerable.Range(0, 200).Select(_ => new byte[256]).ToList();
        given.ForEach(arrays.Give);

        var taken = new List<byte[]>();
        while (arrays.Take() is { } array)
        {
            taken.Add(array);
        }

        Assert.InRange(taken.Count, 4, 64);
        Assert.All(taken, array => Assert.Contains(array, given));
        Assert.Equal(taken.Count, taken.Distinct().Count());
    }

    [Fact]
    public void Large_arrays_are_not_kept()
    {
        var arrays = new BodyArrays();

        arrays.Give(new byte[(64 * 1024) + 1]);

        Assert.Null(arrays.Take());
    }

    [Fact]
    public async Task Concurrent_takers_never_get_the_same_array()
    {
        var arrays = new BodyArrays();
        for (var i = 0; i < 8; i++)
        {
            arrays.Give(new byte[256]);
        }

        var held = new System.Collections.Concurrent.ConcurrentDictionary<byte[], int>(ReferenceEqualityComparer.Instance);
        var clashes = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var n = 0; n < 20_000; n++)
            {
                var array = arrays.Take() ?? new byte[256];
                if (!held.TryAdd(array, 0))
                {
                    Interlocked.Increment(ref clashes);
                }

                held.TryRemove(array, out var _);
                arrays.Give(array);
            }
        })));

        Assert.Equal(0, clashes);
    }
}
