using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Client;

internal static class SlowAnswers
{
    /// <summary>
    /// Waits until <paramref name="cancellationToken"/> is cancelled, on no clock: parked on <paramref name="clock"/> if
    /// one is given, so that <see cref="FakeTime.DriveAsync"/> knows the call waits for its timeout.
    /// </summary>
    internal static Task UntilCancelledAsync(CancellationToken cancellationToken, FakeClock? clock = null)
    {
        if (clock is not null)
        {
            return clock.ParkAsync(cancellationToken);
        }

        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken));
        return cancelled.Task;
    }

    /// <summary>A body whose bytes never come: reading it waits until cancelled (parked on <paramref name="clock"/> if given).</summary>
    internal sealed class NeverEndingContent(FakeClock? clock = null) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            UntilCancelledAsync(cancellationToken, clock);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new NeverEndingStream(clock));

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult<Stream>(new NeverEndingStream(clock));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    internal sealed class NeverEndingStream(FakeClock? clock = null) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await UntilCancelledAsync(cancellationToken, clock);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
