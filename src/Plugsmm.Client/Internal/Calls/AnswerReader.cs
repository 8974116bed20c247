namespace Plugsmm.Client;

/// <summary>Turns the panel's answer to one action into its result, or throws the <see cref="PlugsmmException"/> it amounts to.</summary>
internal delegate T AnswerReader<T>(PanelAnswer answer);
