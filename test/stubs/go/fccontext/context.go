// Stand-in for github.com/aliyun/fc-runtime-go-sdk v0.3.1, package fccontext: the same exported
// types, fields and functions as the SDK's fccontext/context.go.
package fccontext

import "context"

var FunctionVersion string

// Credentials ...
type Credentials struct {
	AccessKeyId     string
	AccessKeySecret string
	SecurityToken   string
}

// Function ...
type Function struct {
	Name    string
	Handler string
	Memory  string
	Timeout int
}

// Service ...
type Service struct {
	Name       string
	LogProject string
	LogStore   string
	Qualifier  string
	VersionId  string
}

// Tracing ...
type Tracing struct {
	OpenTracingSpanContext  string
	OpenTracingSpanBaggages map[string]string
	JaegerEndpoint          string
}

// FcContext is the set of metadata that is passed for every Invoke.
type FcContext struct {
	RequestID   string
	Credentials Credentials
	Function    Function
	Service     Service
	Region      string
	AccountId   string
	RetryCount  int
	Tracing     Tracing

	logger *FcLogger
}

func (f *FcContext) GetLogger() *FcLogger {
	return f.logger
}

type key struct{}

var contextKey = &key{}

// NewContext returns a new Context that carries value lc.
func NewContext(parent context.Context, lc *FcContext) context.Context {
	return context.WithValue(parent, contextKey, lc)
}

// FromContext returns the FcContext value stored in ctx, if any. Like the SDK, it gives the context a
// logger that prefixes each line with the request id (and panics when ctx carries no FcContext).
func FromContext(ctx context.Context) (*FcContext, bool) {
	lc, ok := ctx.Value(contextKey).(*FcContext)
	lc.logger = NewFcLogger(lc.RequestID)
	return lc, ok
}
