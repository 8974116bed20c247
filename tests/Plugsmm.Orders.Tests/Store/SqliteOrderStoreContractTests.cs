namespace Plugsmm.Orders.Tests;

/// <summary>The store contract on the SQLite store, on a real temp file.</summary>
public sealed class SqliteOrderStoreContractTests : OrderStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override IOrderStore CreateStore(TimeProvider time) => new SqliteOrderStore(_database.Path, time);

    public void Dispose() => _database.Dispose();
}
