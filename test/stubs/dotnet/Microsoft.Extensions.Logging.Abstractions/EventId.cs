// Stand-in for Microsoft.Extensions.Logging.Abstractions 2.1.1: EventId's constructor, properties and
// conversion from int, with the package's signatures.
namespace Microsoft.Extensions.Logging
{
    public struct EventId
    {
        public EventId(int id, string name = null)
        {
            Id = id;
            Name = name;
        }

        public int Id { get; }

        public string Name { get; }

        public static implicit operator EventId(int i)
        {
            return new EventId(i);
        }

        public override string ToString()
        {
            return Name ?? Id.ToString();
        }
    }
}
