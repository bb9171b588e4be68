package fc

// The FC runtime API client of fc-runtime-go-sdk v0.3.1 (fc/runtime_api_client.go, fc/invoke_loop.go,
// fc/function.go), reduced to what an event function uses: long-poll GET <api>/2020-11-11/runtime/
// invocation/next, read the call from the x-fc-* headers (x-fc-function-type 0 handler, 1 initializer,
// 2 preStop), print FC's Start/End log lines, and POST the answer to .../<request id>/response or the
// error ({"errorMessage", "errorType"}) to .../<request id>/error. Each call runs in its own goroutine.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"reflect"
	"strconv"

	"github.com/aliyun/fc-runtime-go-sdk/fccontext"
)

const apiVersion = "2020-11-11"

func startRuntimeAPILoop(api string, handler interface{}, registered map[functionType]interface{}) {
	base := "http://" + api + "/" + apiVersion + "/runtime/invocation/"
	for {
		resp, err := http.Get(base + "next")
		if err != nil {
			log.Printf("failed to get invoke request due to %v", err)
			continue
		}
		payload, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			log.Printf("failed to get invoke request due to status %d, %v", resp.StatusCode, err)
			continue
		}
		go handleRuntimeInvoke(base, resp.Header, payload, handler, registered)
	}
}

func handleRuntimeInvoke(base string, headers http.Header, payload []byte, handler interface{}, registered map[functionType]interface{}) {
	requestID := headers.Get("x-fc-request-id")
	timeout, err := strconv.Atoi(headers.Get("x-fc-function-timeout"))
	if err != nil {
		log.Printf("failed to invoke function due to failed to parse contents of header: x-fc-function-timeout")
		return
	}
	funcType := handleFunction
	if parsed, err := strconv.ParseInt(headers.Get("x-fc-function-type"), 10, 64); err == nil {
		funcType = functionType(parsed)
	}
	fcContext := &fccontext.FcContext{
		RequestID: requestID,
		Credentials: fccontext.Credentials{
			AccessKeyId:     headers.Get("x-fc-access-key-id"),
			AccessKeySecret: headers.Get("x-fc-access-key-secret"),
			SecurityToken:   headers.Get("x-fc-security-token"),
		},
		Function: fccontext.Function{
			Name:    headers.Get("x-fc-function-name"),
			Handler: headers.Get("x-fc-function-handler"),
			Memory:  headers.Get("x-fc-function-memory"),
			Timeout: timeout,
		},
		Region:    headers.Get("x-fc-region"),
		AccountId: headers.Get("x-fc-account-id"),
	}
	ctx := fccontext.NewContext(context.Background(), fcContext)
	names := map[functionType]string{initializerFunction: "Initialize", preStopFunction: "PreStop"}
	name, ok := names[funcType]
	if !ok {
		name = "Invoke"
	}
	fmt.Printf("FC %s Start RequestId: %s\n", name, requestID)
	var result []byte
	switch funcType {
	case initializerFunction:
		err = invokeLifeCycle(ctx, registered[initializerFunction], "no initializer handler registered")
	case preStopFunction:
		err = invokeLifeCycle(ctx, registered[preStopFunction], "no prestop handler registered")
	default:
		result, err = invokeHandler(ctx, handler, payload)
	}
	if err != nil {
		fmt.Printf("FC %s End RequestId: %s, Error: Unhandled function error\n", name, requestID)
		errorType := reflect.TypeOf(err)
		if errorType.Kind() == reflect.Ptr {
			errorType = errorType.Elem()
		}
		body, _ := json.Marshal(map[string]string{"errorMessage": err.Error(), "errorType": errorType.Name()})
		post(base+requestID+"/error", body)
		return
	}
	fmt.Printf("FC %s End RequestId: %s\n", name, requestID)
	post(base+requestID+"/response", result)
}

func post(url string, body []byte) {
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		log.Printf("failed to POST to %s: %v", url, err)
		return
	}
	resp.Body.Close()
}
