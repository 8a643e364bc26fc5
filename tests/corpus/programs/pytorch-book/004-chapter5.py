import torch as t
from torch.utils.data import Dataset
print(t.__version__)

import os
from PIL import Image
import numpy as np

class DogCat(Dataset):
    def __init__(self, root):
        imgs = os.listdir(root)
        # 所有图片的绝对路径
        # 这里不实际加载图片，只是指定路径，当调用__getitem__时才会真正读图片
        self.imgs = [os.path.join(root, img) for img in imgs]
        
    def __getitem__(self, index):
        img_path = self.imgs[index]
        # dog->1， cat->0
        label = 1 if 'dog' in img_path.split('/')[-1] else 0
        pil_img = Image.open(img_path)
        array = np.asarray(pil_img)
        data = t.from_numpy(array)
        return data, label
    
    def __len__(self):
        return len(self.imgs)

import warnings
warnings.filterwarnings("ignore")
dataset = DogCat('./data/dogcat/')
img, label = dataset[0] # 相当于调用dataset.__getitem__(0)
for img, label in dataset:
    print(img.size(), img.float().mean(), label)

import os
from PIL import  Image
import numpy as np
from torchvision import transforms as T

transform = T.Compose([
    T.Resize(224), # 缩放图片(Image)，保持长宽比不变，最短边为224像素
    T.CenterCrop(224), # 从图片中间切出224*224的图片
    T.ToTensor(), # 将图片(Image)转成Tensor，归一化至[0, 1]
    T.Normalize(mean=[.5, .5, .5], std=[.5, .5, .5]) # 标准化至[-1, 1]，规定均值和标准差
])

class DogCat(Dataset):
    def __init__(self, root, transforms=None):
        imgs = os.listdir(root)
        self.imgs = [os.path.join(root, img) for img in imgs]
        self.transforms=transforms
        
    def __getitem__(self, index):
        img_path = self.imgs[index]
        label = 0 if 'dog' in img_path.split('/')[-1] else 1
        data = Image.open(img_path)
        if self.transforms:
            data = self.transforms(data)
        return data, label
    
    def __len__(self):
        return len(self.imgs)

dataset = DogCat('./data/dogcat/', transforms=transform)
img, label = dataset[0]
for img, label in dataset:
    print(img.size(), label)

from torchvision.datasets import ImageFolder
dataset = ImageFolder('data/dogcat_2/')
# cat文件夹的图片对应label 0，dog对应1
dataset.class_to_idx

# 所有图片的路径和对应的label
dataset.imgs

# 没有任何的transform，所以返回的还是PIL Image对象
print(dataset[0][1]) # 第一维是第几张图，第二维为1返回label
dataset[0][0] # 为0返回图片数据

# 加上transform
transform  = T.Compose([
         T.RandomResizedCrop(224),
         T.RandomHorizontalFlip(), #水平翻转
         T.ToTensor(),
         T.Normalize(mean=[.5, .5, .5], std=[.5, .5, .5]),
])

dataset = ImageFolder('data/dogcat_2/', transform=transform)
# 深度学习中图片数据一般保存成CxHxW，即通道数x图片高x图片宽
dataset[0][0].size()

to_img = T.ToPILImage()
# 0.2和0.4是标准差和均值的近似
to_img(dataset[0][0]*0.2+0.4)

from torch.utils.data import DataLoader
dataloader = DataLoader(dataset, batch_size=3, shuffle=True, num_workers=0, drop_last=False)
dataiter = iter(dataloader)
imgs, labels = next(dataiter)
imgs.size() # batch_size, channel, height, width

class NewDogCat(DogCat): # 继承前面实现的DogCat数据集
    def __getitem__(self, index):
        try:
            # 调用父类的获取函数，即 DogCat.__getitem__(self, index)
            return super().__getitem__(index)
        except:
            return None, None

from torch.utils.data.dataloader import default_collate # 导入默认的拼接方式
def my_collate_fn(batch):
    '''
    batch是一个list，每个元素是dataset的返回值，形如(data, label)
    '''
    # 过滤为None的数据
    batch = [_ for _ in batch if _[0] is not None]
    if len(batch) == 0: return t.Tensor()
    return default_collate(batch) # 用默认方式拼接过滤后的batch数据

dataset = NewDogCat('data/dogcat_wrong/', transforms=transform)
dataset[10]

dataloader = DataLoader(dataset, 2, collate_fn=my_collate_fn, num_workers=0,shuffle=True)
for batch_datas, batch_labels in dataloader:
    print(batch_datas.size(),batch_labels.size())

dataset = DogCat('data/dogcat/', transforms=transform)
# 假设狗的图片被取出的概率是猫的概率的两倍
# 两类图片被取出的概率与weights的绝对大小无关，只和比值有关
weights = [2 if label == 1 else 1 for data, label in dataset]
weights

from torch.utils.data.sampler import  WeightedRandomSampler
sampler = WeightedRandomSampler(weights,\
                                num_samples=9,\
                                replacement=True)
dataloader = DataLoader(dataset,
                        batch_size=3,
                        sampler=sampler)
for datas, labels in dataloader:
    print(labels.tolist())

sampler = WeightedRandomSampler(weights, 8, replacement=False)
dataloader = DataLoader(dataset, batch_size=4, sampler=sampler)
for datas, labels in dataloader:
    print(labels.tolist())

from torchvision import models
from torchvision import transforms as T
from torch import nn
from PIL import Image
import numpy as np
import random
import cv2

# 加载预训练好的模型，如果不存在会自动下载
# 预训练好的模型保存在 ~/.torch/models/下面
detection=models.detection.maskrcnn_resnet50_fpn(pretrained=True)
detection.eval()
def predict(img_path,threhold):
    # 数据预处理，标准化至[-1, 1]，规定均值和标准差
    img=Image.open(img_path)
    transform=T.Compose([
        T.ToTensor(),
        T.Normalize(mean=[.5, .5, .5], std=[.5, .5, .5])
    ])
    img=transform(img)
    # 对图像进行预测
    pred=detection([img])
    # 对预测结果进行后处理：得到mask与bbox
    score=list(pred[0]['scores'].detach().numpy())
    t=[score.index(x) for x in score if x>threhold][-1]
    mask=(pred[0]['masks']>0.5).squeeze().detach().cpu().numpy()
    pred_boxes=[[(i[0],i[1]),(i[2],i[3])] for i in list(pred[0]['boxes'].detach().numpy())]
    pred_masks=mask[:t+1]
    boxes=pred_boxes[:t+1]
    return pred_masks,boxes

#随机颜色，以便可视化
def color(image):
    colours=[[0, 255, 255],[0, 0, 255],[255, 0, 0]]
    R=np.zeros_like(image).astype(np.uint8)
    G=np.zeros_like(image).astype(np.uint8)
    B=np.zeros_like(image).astype(np.uint8)
    R[image==1],G[image==1],B[image==1]=colours[random.randrange(0,3)]
    color_mask=np.stack([R,G,B],axis=2)
    return color_mask

#对mask与bounding box进行可视化
def result(img_path,threhold=0.7,rect_th=1,text_size=1,text_th=2):
    masks,boxes=predict(img_path,threhold)
    img=cv2.imread(img_path)
    img=cv2.cvtColor(img,cv2.COLOR_BGR2RGB)
    for i in range(len(masks)):
        color_mask=color(masks[i])
        img=cv2.addWeighted(img,1,color_mask,0.5,0)
        cv2.rectangle(img,boxes[i][0],boxes[i][1],color=(255,0,0),thickness=rect_th)
    return img

from matplotlib import pyplot as plt
img=result('data/demo.jpg')
plt.figure(figsize=(10,10))
plt.axis('off')
img_result=plt.imshow(img)

import torch
import numpy as np
import torchvision
from torchvision import models
from torch.utils.tensorboard import SummaryWriter
from torchvision import datasets,transforms
from torch.utils.data import DataLoader
# 构建logger对象，logdir用来指定log文件的保存路径
logger = SummaryWriter('runs')

# 使用add_scalar记录标量
for n_iter in range(100):
    logger.add_scalar('Loss/train',np.random.random(),n_iter)
    logger.add_scalar('Loss/test',np.random.random(),n_iter)
    logger.add_scalar('Acc/train',np.random.random(),n_iter)
    logger.add_scalar('Acc/test',np.random.random(),n_iter)

transform=transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.5,),(0.5,))
])
dataset = datasets.MNIST('data/', download=True, train=False, transform=transform)
dataloader = DataLoader(dataset, shuffle=True, batch_size=16)
images,labels=next(iter(dataloader))
grid=torchvision.utils.make_grid(images)

# 使用add_image显示图像
logger.add_image('images',grid,0)

# 使用add_graph可视化网络
class ToyModel(nn.Module):
    def __init__(self, input_size=28, hidden_size=500, num_classes=10):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size) 
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(hidden_size, num_classes)  
    def forward(self, x):
        out = self.fc1(x)
        out = self.relu(out)
        out = self.fc2(out)
        return out
model=ToyModel()
logger.add_graph(model,images)

# 使用add_histogram显示直方图
logger.add_histogram('normal',np.random.normal(0,5,1000),global_step=1)
logger.add_histogram('normal',np.random.normal(1,2,1000),global_step=10)

# 使用add_embedding进行embedding可视化
dataset = datasets.MNIST('data/', download=True, train=False)
images = dataset.data[:100].float()
label = dataset.targets[:100]
features = images.view(100, 784)
logger.add_embedding(features,metadata=label,label_img=images.unsqueeze(1))

# 启动visdom服务器
# nohup python -m visdom.server &

import torch as t
import visdom

# 新建一个连接客户端
# 指定env = u'test1'，默认端口为8097，host是‘localhost'
vis = visdom.Visdom(env=u'test1',use_incoming_socket=False)

x = t.arange(0, 30, 0.01)
y = t.sin(x)
vis.line(X=x, Y=y, win='sinx', opts={'title': 'y=sin(x)'})

# append 追加数据
for ii in range(0, 10):
    # y = x
    x = t.Tensor([ii])
    y = x
    vis.line(X=x, Y=y, win='polynomial', update='append' if ii>0 else None)
    
# updateTrace 新增一条线
x = t.arange(0, 9, 0.1)
y = (x ** 2) / 9
vis.line(X=x, Y=y, win='polynomial', name='this is a new Trace',update='new')

# 可视化一个随机的黑白图片
vis.image(t.randn(64, 64).numpy())

# 可视化一张随机的彩色图片
vis.image(t.randn(3, 64, 64).numpy(), win='random2')

# 可视化36张随机的彩色图片，每一行6张
vis.images(t.randn(36, 3, 64, 64).numpy(), nrow=6, win='random3', opts={'title':'random_imgs'})

vis.text(u'''<h1>Hello Visdom</h1><br>Visdom是Facebook专门为<b>PyTorch</b>开发的一个可视化工具，
         在内部使用了很久，在2017年3月份开源了它。
         
         Visdom十分轻量级，但是却有十分强大的功能，支持几乎所有的科学运算可视化任务''',
         win='visdom',
         opts={'title': u'visdom简介' }
        )

tensor = t.Tensor(3, 4)
# 返回一个新的tensor，保存在第1块GPU上，但原来的tensor并没有改变
tensor.cuda(0)
tensor.is_cuda # False

# 不指定所使用的GPU设备，将默认使用第1块GPU
tensor = tensor.cuda()
tensor.is_cuda # True

module = nn.Linear(3, 4)
module.cuda(device = 1)
module.weight.is_cuda # True

class VeryBigModule(nn.Module):
    def __init__(self):
        super(VeryBigModule, self).__init__()
        self.GiantParameter1 = t.nn.Parameter(t.randn(100000, 20000)).cuda(0)
        self.GiantParameter2 = t.nn.Parameter(t.randn(20000, 100000)).cuda(1)
    
    def forward(self, x):
        x = self.GiantParameter1.mm(x.cuda(0))
        x = self.GiantParameter2.mm(x.cuda(1))
        return x

# 交叉熵损失函数，带权重
criterion = t.nn.CrossEntropyLoss(weight=t.Tensor([1, 3]))
input = t.randn(4, 2).cuda()
target = t.Tensor([1, 0, 0, 1]).long().cuda()

# 下面这行会报错，因weight未被转移至GPU
# loss = criterion(input, target)

# 这行则不会报错
criterion.cuda()
loss = criterion(input, target)

criterion._buffers

# 如果未指定使用哪块GPU，默认使用GPU 0
x = t.cuda.FloatTensor(2, 3)
# x.get_device() == 0
y = t.FloatTensor(2, 3).cuda()
# y.get_device() == 0

# 指定默认使用GPU 1
with t.cuda.device(1):    
    # 在GPU 1上构建tensor
    a = t.cuda.FloatTensor(2, 3)

    # 将tensor转移至GPU 1
    b = t.FloatTensor(2, 3).cuda()
    assert a.get_device() == b.get_device() == 1

    c = a + b
    assert c.get_device() == 1

    z = x + y
    assert z.get_device() == 0

    # 手动指定使用GPU 0
    d = t.randn(2, 3).cuda(0)
    assert d.get_device() == 0

t.set_default_tensor_type('torch.cuda.FloatTensor') # 指定默认tensor的类型为GPU上的FloatTensor
a = t.ones(2, 3)
a.is_cuda

#指定设备,使用CPU
t.device('cpu')
#另外一种写法：t.device('cpu',0)

#指定设备，使用第一块GPU
t.device('cuda:0')
#另外一种写法：t.device('cuda',0)

#更加推荐的做法(同时也是设备兼容的)：如果用户具有GPU设备则使用GPU，否则使用CPU
device = t.device("cuda" if t.cuda.is_available() else "cpu")
print(device)

#在确定了设备之后，我们便可以将数据与模型利用`to`方法加载到指定的设备上了。
x=t.empty((2,3),device=device)

x_cpu=t.empty(2,device='cpu')
print(x_cpu,x_cpu.is_cuda)
x_gpu=t.empty(2,device=device)
print(x_gpu,x_gpu.is_cuda)

#使用new_*操作会保留原Tensor的包括设备的其他属性
y_cpu=x_cpu.new_full((3,4),3.1415)
print(y_cpu,y_cpu.is_cuda)
y_gpu=x_gpu.new_zeros(3,4)
print(y_gpu,y_gpu.is_cuda)

#使用ones_like或zeros_like可以创建与原Tensor大小类别均相同的new Tensor
z_cpu=t.ones_like(x_cpu)
print(z_cpu,z_cpu.is_cuda)
z_gpu=t.zeros_like(x_gpu)
print(z_gpu,z_gpu.is_cuda)
