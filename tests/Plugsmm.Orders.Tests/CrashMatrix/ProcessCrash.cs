namespace Plugsmm.Orders.Tests;

/// <summary>The simulated death of a process: thrown once at the crash point, and by every call after it.</summary>
internal sealed class ProcessCrash
{
    public bool Dead { get; private set; }

    public Exception Die()
    {
        Dead = true;
        return new CrashException();
    }

    public void ThrowIfDead()
    {
        if (Dead)
        {
            throw new CrashException();
        }
    }

    internal sealed class CrashException : Exception
    {
        public CrashException()
            : base("The process died here (crash matrix).")
        {
        }
    }
}
