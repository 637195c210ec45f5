package flow

import (
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// Registration lets portable runners (Flink, Spark, Dataflow, prism) find
// the DoFns and element types in the worker binary without reflection.
func init() {
	beam.RegisterType(reflect.TypeOf((*Article)(nil)).Elem())
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string, Article), func(string), error](&readFn{})
	register.Function5x0(dedupe)
	register.DoFn4x1[context.Context, Article, func(string, string), func(string), error](&extractFn{})
	register.DoFn4x1[context.Context, string, func(*string) bool, func(string), error](&mergeFn{})
	register.DoFn3x1[context.Context, []byte, func(*string) bool, error](&writeTimelineFn{})
	register.DoFn3x1[context.Context, []byte, func(*string) bool, error](&writeLinesFn{})
	register.Emitter1[string]()
	register.Emitter1[Article]()
	register.Emitter2[string, string]()
	register.Emitter2[string, Article]()
	register.Iter1[string]()
	register.Iter1[Article]()
}
