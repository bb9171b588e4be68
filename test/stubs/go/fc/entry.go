// Package fc is a stand-in for package fc of github.com/aliyun/fc-runtime-go-sdk v0.3.1: the exported
// functions generated code calls, with the SDK's signatures, and a local emulation of the FC runtime
// in place of the SDK's runtime-API client.
//
// As in the SDK, Start requires FC_RUNTIME_API, reads the lifecycle registrations when it begins,
// and never returns. Without FC_STANDIN_INVOKE it polls the FC runtime API at FC_RUNTIME_API as the
// SDK does (runtime_api.go). With it, instead of polling the runtime API it runs the invocations listed in
// FC_STANDIN_INVOKE (comma-separated: initializer, handler, preStop) in order, dispatching each hook by
// type to the function registered for it, as the SDK does. A hook invoked without a registration fails
// with the SDK's message ("no initializer handler registered"): that is how a missing Register call,
// or one placed after fc.Start, shows up in production.
package fc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"reflect"
	"strings"

	"github.com/aliyun/fc-runtime-go-sdk/fccontext"
)

type functionType uint8

const (
	handleFunction      functionType = 0
	initializerFunction functionType = 1
	preStopFunction     functionType = 2
)

var lifeCycleHandlers = map[functionType]interface{}{}

// Start takes a handler and passes requests to it. Valid handler signatures are the SDK's:
// func (), func () error, func (TIn) error, func () (TOut, error), func (TIn) (TOut, error),
// func (context.Context) error, func (context.Context, TIn) error,
// func (context.Context) (TOut, error), func (context.Context, TIn) (TOut, error).
func Start(handler interface{}) {
	if os.Getenv("FC_RUNTIME_API") == "" {
		log.Fatalf("expected ali FC environment variables [%s] are not defined", "FC_RUNTIME_API")
	}
	registered := map[functionType]interface{}{}
	for funcType, hook := range lifeCycleHandlers {
		registered[funcType] = hook
	}
	if os.Getenv("FC_STANDIN_INVOKE") == "" {
		startRuntimeAPILoop(os.Getenv("FC_RUNTIME_API"), handler, registered)
	}
	for i, name := range strings.Split(os.Getenv("FC_STANDIN_INVOKE"), ",") {
		requestID := fmt.Sprintf("standin-%d-%s", i+1, name)
		ctx := fccontext.NewContext(context.Background(), &fccontext.FcContext{RequestID: requestID})
		var err error
		switch name {
		case "initializer":
			fmt.Printf("FC Initialize Start RequestId: %s\n", requestID)
			err = invokeLifeCycle(ctx, registered[initializerFunction], "no initializer handler registered")
		case "preStop":
			fmt.Printf("FC PreStop Start RequestId: %s\n", requestID)
			err = invokeLifeCycle(ctx, registered[preStopFunction], "no prestop handler registered")
		case "handler":
			fmt.Printf("FC Invoke Start RequestId: %s\n", requestID)
			var payload []byte
			payload, err = invokeHandler(ctx, handler, []byte("{}"))
			if err == nil {
				fmt.Println(string(payload))
			}
		default:
			err = fmt.Errorf("stand-in: unknown invocation %q in FC_STANDIN_INVOKE", name)
		}
		if err != nil {
			fmt.Printf("FC Invoke End RequestId: %s, Error: %v\n", requestID, err)
			os.Exit(1)
		}
	}
	os.Exit(0)
}

// RegisterInitializerFunction registers the initializer; it must be called before Start.
func RegisterInitializerFunction(handler interface{}) {
	lifeCycleHandlers[initializerFunction] = handler
}

// RegisterPreStopFunction registers the preStop hook; it must be called before Start.
func RegisterPreStopFunction(handler interface{}) {
	lifeCycleHandlers[preStopFunction] = handler
}

// invokeLifeCycle calls a hook the way the SDK does: it must be func(context.Context) with no results,
// and a panic inside it fails the invocation.
func invokeLifeCycle(ctx context.Context, hook interface{}, missing string) (err error) {
	if hook == nil {
		return errors.New(missing)
	}
	hookType := reflect.TypeOf(hook)
	contextType := reflect.TypeOf((*context.Context)(nil)).Elem()
	if hookType.Kind() != reflect.Func || hookType.NumIn() != 1 || !hookType.In(0).Implements(contextType) || hookType.NumOut() != 0 {
		return fmt.Errorf("lifecycle handler must be func(context.Context) with no return values, got %s", hookType)
	}
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	reflect.ValueOf(hook).Call([]reflect.Value{reflect.ValueOf(ctx)})
	return nil
}

// invokeHandler validates and calls the event handler with the SDK's rules and returns its JSON result.
func invokeHandler(ctx context.Context, handler interface{}, payload []byte) (result []byte, err error) {
	handlerType := reflect.TypeOf(handler)
	if handler == nil || handlerType.Kind() != reflect.Func {
		return nil, fmt.Errorf("handler kind %v is not func", handlerType)
	}
	contextType := reflect.TypeOf((*context.Context)(nil)).Elem()
	errorType := reflect.TypeOf((*error)(nil)).Elem()
	takesContext := handlerType.NumIn() > 0 && handlerType.In(0).Implements(contextType)
	switch {
	case handlerType.NumIn() > 2:
		return nil, fmt.Errorf("handlers may not take more than two arguments, but handler takes %d", handlerType.NumIn())
	case handlerType.NumIn() == 2 && !takesContext:
		return nil, errors.New("handler takes two arguments, but the first is not Context")
	case handlerType.NumOut() > 2:
		return nil, errors.New("handler may not return more than two values")
	case handlerType.NumOut() > 0 && !handlerType.Out(handlerType.NumOut()-1).Implements(errorType):
		return nil, errors.New("handler's last return value does not implement error")
	}
	var args []reflect.Value
	if takesContext {
		args = append(args, reflect.ValueOf(ctx))
	}
	if handlerType.NumIn() == 2 || (handlerType.NumIn() == 1 && !takesContext) {
		eventType := handlerType.In(handlerType.NumIn() - 1)
		if eventType == reflect.TypeOf([]byte{}) {
			args = append(args, reflect.ValueOf(payload))
		} else {
			event := reflect.New(eventType)
			if err := json.Unmarshal(payload, event.Interface()); err != nil {
				return nil, err
			}
			args = append(args, event.Elem())
		}
	}
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	response := reflect.ValueOf(handler).Call(args)
	if len(response) > 0 {
		if errValue, ok := response[len(response)-1].Interface().(error); ok && errValue != nil {
			return nil, errValue
		}
	}
	var value interface{}
	if len(response) > 1 {
		value = response[0].Interface()
	}
	return json.Marshal(value)
}
